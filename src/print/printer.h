/* The printed summary and its exports: a PDF drawn with cairo + pango, sent to a CUPS
 * printer with libcups, and an HL7 FHIR R4 QuestionnaireResponse. */
#ifndef PK_PRINTER_H
#define PK_PRINTER_H

#include <stdio.h>

#include "../core/error.h"
#include "../core/summary.h"

typedef enum { PAPER_LETTER, PAPER_A4, PAPER_RECEIPT_80MM } Paper;

/* Parses "letter", "a4" or "receipt" into *out: 0 or PK_EINVAL. */
int paper_parse(const char *name, Paper *out);

/* Writes the summary as a PDF file. Returns 0 or a negative PK_E* code. */
int print_pdf_file(const Summary *sum, Paper paper, const char *path);

/* Prints the summary on the named CUPS printer (NULL: the default destination) and
 * follows the job until it completes. Leaves no patient data on disk. Returns 0, or
 * PK_ENODEV (no such printer / no printer), PK_EPRINT (stopped, out of paper, job
 * failed). On failure a one-line reason for staff is written into why (may be NULL). */
int print_cups(const Summary *sum, Paper paper, const char *printer, PkWhy *why);

/* Prints a test page with no patient data (staff menu), its words in English and
 * Spanish from content (NULL: only the language-neutral lines: paper, date, accented
 * letters, the body diagram). Same results as print_cups. */
int print_test_page(const Content *content, const char *printer, Paper paper, PkWhy *why);

/* Writes the summary as a FHIR R4 Bundle (collection): the QuestionnaireResponse, an
 * Observation per raised flag, and the PHQ-2 and PEG scores. 0 or PK_EIO. */
int fhir_write(const Summary *sum, FILE *out);

#endif
