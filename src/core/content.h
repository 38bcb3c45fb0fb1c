/* The content model: questions, options with voice phrases, causes, self-care advice,
 * red flags, interface strings and the answer lexicon, in English and Spanish, loaded
 * from the JSON files of a content directory (see assets/content/README.md).
 *
 * A Content is immutable once loaded; every string and array it exposes belongs to it
 * and lives until content_free(). */
#ifndef PK_CONTENT_H
#define PK_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "lang.h"

#define CONTENT_MAX_OPTIONS 32  /* options of one question: they fit a uint32_t mask */
#define CONTENT_MAX_ENTRIES 500 /* questions, causes, advice, flags, groups, ui strings */
#define CONTENT_MAX_PHRASES 200 /* phrases in one list */
#define CONTENT_MAX_FILE_BYTES (1024 * 1024) /* one content file */
#define CONTENT_MAX_TEXT_BYTES 2000          /* one text: the longest shipped is under 300 */
#define CONTENT_MAX_CODE_BYTES 32            /* a question's code (LOINC: "72514-3") */
/* words of the phrases the speech grammars are built from, in one language: one
 * question's, all questions' together, and the lexicon's (its commands go into every
 * question's grammar) */
#define CONTENT_QUESTION_WORDS_MAX 1000
#define CONTENT_QUESTIONS_WORDS_MAX 10000
#define CONTENT_LEXICON_WORDS_MAX 1000
/* Bytes an answer in words may take, NUL included ("Lower back, Left knee"): every
 * option of a question chosen at once must fit, so that no summary, printout or export
 * ever cuts an answer (the content check refuses a question whose labels are longer). */
#define CONTENT_ANSWER_MAX 1024
/* Bytes a line of the safety net may take with its phone numbers filled in, NUL
 * included: each of {emergency}, {crisis} and {clinic} counts as CONTENT_SAFETY_NUMBER
 * bytes (the longest number a setting holds), and the content check refuses a longer line. */
#define CONTENT_SAFETY_MAX 512
#define CONTENT_SAFETY_NUMBER 39
/* Bytes of "urgent.body" (with its NUL), shown above the urgent screen's safety-net line
 * ("urgent.no_one", which CONTENT_SAFETY_MAX bounds) in one buffer. */
#define CONTENT_URGENT_BODY_MAX 510

typedef enum { QK_CHOICE, QK_MULTI, QK_SCALE, QK_YESNO } QuestionKind;

/* What a question means to the summary and to exports. */
typedef enum {
    ROLE_NONE,    /* used only by rules */
    ROLE_CONTEXT, /* shown under "about you" in the summary */
    ROLE_AREAS,   /* where it hurts (the multi question the body diagram answers) */
    ROLE_PAIN_NOW,
    ROLE_PEG_PAIN,
    ROLE_PEG_ENJOYMENT,
    ROLE_PEG_ACTIVITY,
    ROLE_RED_FLAG, /* a red-flag screen item: a "yes" is always confirmed by voice */
    ROLE_PHQ2,     /* one of the two PHQ-2 mood items: options scored 0, 1, 2, 3 in order */
} QuestionRole;

/* Where a question sits in the interview, in the order the sections are asked. */
typedef enum {
    SECTION_SAFETY_URGENT, /* the urgent safety questions ("Safety check N of M") */
    SECTION_BIRTH,         /* time since birth, delivery, anaesthesia */
    SECTION_SAFETY_TODAY,  /* fever, wound, epidural: "raise it today" questions */
    SECTION_PAIN,          /* where, how much, how it behaves */
    SECTION_CONTEXT,       /* feeding, baby care, sleep, history (the default) */
    SECTION_MOOD,          /* the PHQ-2 mood screen, near the end */
    SECTION_COUNT
} QuestionSection;

typedef struct Cond Cond; /* a rule condition, see rules.h */

typedef struct {
    const char *id;
    Text label;                         /* shown on the button */
    const char *const *say[LANG_COUNT]; /* voice/typed phrases, normalised (see interp.h) */
    size_t nsay[LANG_COUNT];
    const char
        *body_region; /* optional: the body-diagram region this option is, e.g. "knee_left" */
} Option;

typedef struct {
    const char *id;
    QuestionKind kind;
    QuestionRole role;
    const char *code;        /* optional LOINC code for exports, or NULL */
    Text text;               /* the question as asked */
    Text short_label;        /* a few words for the summary: "Time since birth" */
    Text help;               /* optional: a longer explanation, given on "help" */
    Text low, high;          /* scale anchor words (scale only) */
    int min, max;            /* scale range (scale only) */
    QuestionSection section; /* "section" in questions.json; SECTION_CONTEXT when absent */
    bool can_skip;           /* offers Skip and "I don't know" */
    const Cond *show_if;     /* NULL: always asked */
    const Option *options;   /* for yes/no: two options with ids "yes" and "no" */
    size_t noptions;
} Question;

/* A possible cause. Causes are listed in content order (specific ones first); when
 * `when` holds the cause is listed in full, else when `also` holds it is only named in
 * one short "other common reasons" line. */
typedef struct {
    const char *id;
    Text title; /* "Loose joints from pregnancy hormones" */
    Text text;  /* one or two plain sentences */
    const Cond *when;
    const Cond *also; /* optional: NULL never folds */
} Cause;

typedef enum { TIER_URGENT = 0, TIER_CLINICIAN = 1 } FlagTier;

typedef struct {
    const char *id;
    FlagTier tier;
    Text text; /* what to tell staff or the clinician, in plain words */
    const Cond *when;
} Flag;

/* One self-care item: an exercise, an ergonomics tip, heat/cold, nutrition... */
typedef struct {
    const char *id;
    Text title; /* "Exercises you can start gently" */
} AdviceGroup;

/* A reason to hold advice back ("holds" in advice.json): while `when` holds, every
 * advice item that names this hold in its held_by is left out of the plan and listed
 * under one "wait on these" line instead. */
typedef struct {
    const char *id;
    Text text; /* why, in plain words: "You gave birth less than 2 weeks ago." */
    const Cond *when;
} AdviceHold;

#define ADVICE_MAX_HOLDS 8

typedef struct {
    const char *id;
    const char *group; /* an AdviceGroup id, e.g. "exercise", "lifting" */
    Text title;
    Text how;                 /* the one-line how-to */
    Text caution;             /* optional; shown only when caution_when holds */
    const Cond *when;         /* NULL: always part of the plan */
    const Cond *caution_when; /* NULL: the caution always applies */
    int rank;                 /* 1 = matters most; 0 = unranked. The plan opens with the 3
                                 best-ranked items that are shown */
    const AdviceHold *held_by[ADVICE_MAX_HOLDS]; /* the holds that can hold it back */
    size_t nheld_by;
} Advice;

typedef enum {
    CMD_NONE = -1,
    CMD_REPEAT = 0,
    CMD_BACK,
    CMD_SKIP,
    CMD_DONT_KNOW,
    CMD_HELP,
    CMD_START_OVER,
    CMD_START,
    CMD_DONE,
    CMD_COUNT
} Command;

/* The words answers are made of, per language; all normalised (see interp.h). */
typedef struct {
    const char *const *numbers[11][LANG_COUNT]; /* phrases for 0..10 */
    size_t nnumbers[11][LANG_COUNT];
    const char *const *yes[LANG_COUNT];
    size_t nyes[LANG_COUNT];
    const char *const *no[LANG_COUNT];
    size_t nno[LANG_COUNT];
    const char *const *commands[CMD_COUNT][LANG_COUNT];
    size_t ncommands[CMD_COUNT][LANG_COUNT];
    const char *const *filler[LANG_COUNT]; /* words ignored around an answer */
    size_t nfiller[LANG_COUNT];
    const char *const *scale_suffix[LANG_COUNT]; /* "out of ten" */
    size_t nscale_suffix[LANG_COUNT];
    /* filler words that say a symptom is there ("hurts", "duele"): passed over after a
     * Yes, but a No with one of them contradicts itself ("no, it hurts") */
    const char *const *affirm[LANG_COUNT];
    size_t naffirm[LANG_COUNT];
} Lexicon;

typedef struct Content {
    const Question *questions;
    size_t nquestions;
    const Cause *causes;
    size_t ncauses;
    const Flag *flags;
    size_t nflags;
    const Advice *advice; /* in group order */
    size_t nadvice;
    const AdviceGroup *groups;
    size_t ngroups;
    const AdviceHold *holds;
    size_t nholds;
    Lexicon lexicon;
    struct ContentPrivate *priv;
} Content;

/* Loads and validates every content file of dir. On success stores a new Content in
 * *out (the caller frees it with content_free) and returns 0. On any problem returns
 * PK_ECONTENT (or PK_ENOMEM) with every problem found appended to diags, and *out is
 * NULL. */
int content_load(const char *dir, Content **out, Diags *diags);

void content_free(Content *c);

/* The index of the question with this id, or -1. */
int content_question_index(const Content *c, const char *id);

/* The index of the option with this id in q, or -1. */
int content_option_index(const Question *q, const char *option_id);

/* Whether id is one the screens give their own buttons ("back", "skip", "done",
 * "staff_...", "ui_..."): an answer option may not take it, or a tap on the option
 * would press the button ("skip" as an option id recorded "Skipped" for key 1). "yes"
 * and "no" are free: only the confirm screen's buttons have them, and it shows no
 * options. */
bool content_id_reserved(const char *id);

/* An interface string by key ("button.back", "screen.privacy.body"...). Never NULL:
 * a missing key returns the key itself (content_load refuses content that lacks a key
 * the program uses, so this does not happen with valid content). */
const char *content_ui(const Content *c, const char *key, Lang lang);

/* The title of an advice group, or the id itself when unknown. Never NULL. */
const char *content_group_title(const Content *c, const char *group, Lang lang);

/* Fills out[0] and out[1] with the "yes" and "no" options every yes/no question offers:
 * labels from the interface strings, phrases from the lexicon, all owned by c. */
void content_yesno_options(const Content *c, Option out[2]);

/* The command word used by --recognize and the grammar: "repeat", "go_back"... */
const char *content_command_name(Command cmd);

const char *content_kind_name(QuestionKind k); /* "choice", "multi", "scale", "yesno" */

/* "safety-urgent", "birth", "safety-today", "pain", "context", "mood". */
const char *content_section_name(QuestionSection s);

#endif
