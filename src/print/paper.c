/* Paper names and sizes. */
#include <string.h>
#include <strings.h>

#include "../core/error.h"
#include "print_internal.h"

#define MM (72.0 / 25.4)

int paper_parse(const char *name, Paper *out)
{
    if (!name)
        return PK_EINVAL;
    if (strcasecmp(name, "letter") == 0)
        *out = PAPER_LETTER;
    else if (strcasecmp(name, "a4") == 0)
        *out = PAPER_A4;
    else if (strcasecmp(name, "receipt") == 0 || strcasecmp(name, "80mm") == 0)
        *out = PAPER_RECEIPT_80MM;
    else
        return PK_EINVAL;
    return 0;
}

const char *paper_name(Paper paper)
{
    switch (paper) {
    case PAPER_A4:
        return "a4";
    case PAPER_RECEIPT_80MM:
        return "receipt";
    case PAPER_LETTER:
    default:
        return "letter";
    }
}

void paper_size(Paper paper, double *width, double *height)
{
    switch (paper) {
    case PAPER_A4:
        *width = 210 * MM;
        *height = 297 * MM;
        break;
    case PAPER_RECEIPT_80MM:
        *width = 80 * MM;
        *height = 14400; /* the PDF page size limit: 200 inches */
        break;
    case PAPER_LETTER:
    default:
        *width = 8.5 * 72;
        *height = 11 * 72;
        break;
    }
}
