/* The FHIR R4 export: one Bundle (type collection) per session, holding the
 * QuestionnaireResponse, one Observation per raised flag and the PHQ-2 and PEG scores
 * as Observations derived from it.
 *
 * Why Observations rather than Flag resources: Flag.subject is required in R4, and the
 * kiosk never knows who the patient is (the front desk writes the name on paper), so a
 * Flag could not be valid; Observation.subject is optional. Each flag's Observation has
 * the flag as its code (urn:ppkiosk:flag), its tier as the value (urn:ppkiosk:flag-tier
 * urgent | today) and as an interpretation (AA critical / A abnormal) an EHR can sort
 * by, the answers behind it as components, and derivedFrom the response.
 *
 * The response itself:
 *
 * Where the codes go: R4's QuestionnaireResponse.item has no code element; item codes
 * belong to the Questionnaire the response answers. So the response carries its own
 * Questionnaire as a contained resource (questionnaire = "#ppkiosk-questionnaire", a
 * fragment canonical reference, as SDC does for adaptive forms) whose items have the
 * same linkIds (our question ids) and the LOINC codes: 72514-3 for pain now, and a
 * group 91148-7 (PEG) holding 75893-8, 91145-3, 91146-1 and the mean 91147-9. The
 * contained Questionnaire's url names our questionnaire (a urn, no host). The response
 * item tree mirrors the Questionnaire's, as R4 requires.
 *
 * Answers: choice/multi as valueCoding (system urn:ppkiosk:option:<question id>, code
 * the option id, display its label), yes/no as valueBoolean (as valueCoding where the
 * question also offers "not sure"), scales as valueInteger, the PEG mean as
 * valueDecimal. Questions skipped or not asked have no item; those a flag looks at are
 * named, with why, in one "not_answered" Observation. The
 * contained Questionnaire lists every choice item's options (answerOption) with the
 * codes the answers use. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "printer.h"

#define LOINC "http://loinc.org"
#define Q_URL "urn:ppkiosk:questionnaire:postpartum-joint-pain"
#define Q_ID "ppkiosk-questionnaire"
#define OPTION_SYSTEM "urn:ppkiosk:option:"
#define PEG_GROUP "peg"
#define PEG_SCORE "peg_score"
#define FLAG_SYSTEM "urn:ppkiosk:flag"
#define TIER_SYSTEM "urn:ppkiosk:flag-tier"
#define QUESTION_SYSTEM "urn:ppkiosk:question"

typedef struct {
    FILE *out;
    int depth;
    bool first; /* no member written yet at this depth */
    bool failed;
} Json;

static void put(Json *j, const char *s)
{
    if (fputs(s, j->out) == EOF)
        j->failed = true;
}

static void put_string(Json *j, const char *s)
{
    char esc[8];
    put(j, "\"");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"':
            put(j, "\\\"");
            break;
        case '\\':
            put(j, "\\\\");
            break;
        case '\n':
            put(j, "\\n");
            break;
        case '\r':
            put(j, "\\r");
            break;
        case '\t':
            put(j, "\\t");
            break;
        default:
            if (*p < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *p);
                put(j, esc);
            } else if (fputc(*p, j->out) == EOF)
                j->failed = true;
        }
    }
    put(j, "\"");
}

static void newline(Json *j)
{
    put(j, "\n");
    for (int i = 0; i < j->depth; i++)
        put(j, "  ");
}

/* Starts a member (key may be NULL inside arrays). */
static void member(Json *j, const char *key)
{
    if (!j->first)
        put(j, ",");
    j->first = false;
    newline(j);
    if (key) {
        put_string(j, key);
        put(j, ": ");
    }
}

static void json_open(Json *j, const char *key, const char *bracket)
{
    member(j, key);
    put(j, bracket);
    j->depth++;
    j->first = true;
}

static void json_close(Json *j, const char *bracket)
{
    j->depth--;
    newline(j);
    put(j, bracket);
    j->first = false;
}

static void str(Json *j, const char *key, const char *value)
{
    member(j, key);
    put_string(j, value);
}

static void raw(Json *j, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void raw(Json *j, const char *key, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    member(j, key);
    put(j, buf);
}

static void coding(Json *j, const char *key, const char *system, const char *code,
                   const char *display)
{
    json_open(j, key, "{");
    str(j, "system", system);
    str(j, "code", code);
    if (display)
        str(j, "display", display);
    json_close(j, "}");
}

/* The LOINC code of a question: its content code, or the clinical default for its role. */
static const char *question_code(const Question *q)
{
    if (q->code && *q->code)
        return q->code;
    switch (q->role) {
    case ROLE_PAIN_NOW:
        return "72514-3";
    case ROLE_PEG_PAIN:
        return "75893-8";
    case ROLE_PEG_ENJOYMENT:
        return "91145-3";
    case ROLE_PEG_ACTIVITY:
        return "91146-1";
    default:
        return NULL;
    }
}

static bool is_peg(const Question *q)
{
    return q->role == ROLE_PEG_PAIN || q->role == ROLE_PEG_ENJOYMENT ||
           q->role == ROLE_PEG_ACTIVITY;
}

/* A yes/no question that also offers "not sure" is a choice item (its answers are
 * codings), since a boolean item cannot hold "not sure" and must never read it as false. */
static bool is_boolean(const Question *q)
{
    return q->kind == QK_YESNO && q->noptions == 2;
}

static const char *item_type(const Question *q)
{
    if (q->kind == QK_SCALE)
        return "integer";
    return is_boolean(q) ? "boolean" : "choice";
}

static void code_array(Json *j, const char *code, const char *display)
{
    json_open(j, "code", "[");
    coding(j, NULL, LOINC, code, display);
    json_close(j, "]");
}

static void questionnaire_item(Json *j, const Question *q, Lang lang)
{
    const char *code = question_code(q);
    json_open(j, NULL, "{");
    str(j, "linkId", q->id);
    if (code)
        code_array(j, code, NULL);
    str(j, "text", lang_text(&q->text, lang));
    str(j, "type", item_type(q));
    if (q->kind == QK_MULTI)
        raw(j, "repeats", "true");
    if (q->kind != QK_SCALE && !is_boolean(q)) {
        /* the options with the codes the answers use */
        char system[160];
        snprintf(system, sizeof system, "%s%s", OPTION_SYSTEM, q->id);
        json_open(j, "answerOption", "[");
        for (size_t o = 0; o < q->noptions; o++) {
            json_open(j, NULL, "{");
            coding(j, "valueCoding", system, q->options[o].id,
                   lang_text(&q->options[o].label, lang));
            json_close(j, "}");
        }
        json_close(j, "]");
    }
    json_close(j, "}");
}

static void peg_score_item_def(Json *j, const Summary *sum)
{
    json_open(j, NULL, "{");
    str(j, "linkId", PEG_SCORE);
    code_array(j, "91147-9", "PEG mean score");
    str(j, "text", content_ui(sum->content, "summary.peg_score", sum->lang));
    str(j, "type", "decimal");
    raw(j, "readOnly", "true");
    json_close(j, "}");
}

/* The contained Questionnaire: every question, the PEG items in their group. */
static void questionnaire(Json *j, const Summary *sum)
{
    const Content *c = sum->content;
    bool peg_done = false;
    json_open(j, NULL, "{");
    str(j, "resourceType", "Questionnaire");
    str(j, "id", Q_ID);
    str(j, "url", Q_URL);
    str(j, "name", "PostpartumJointAndBackPain");
    str(j, "status", "active");
    json_open(j, "item", "[");
    for (size_t i = 0; i < c->nquestions; i++) {
        const Question *q = &c->questions[i];
        if (!is_peg(q)) {
            questionnaire_item(j, q, sum->lang);
            continue;
        }
        if (peg_done)
            continue;
        peg_done = true;
        json_open(j, NULL, "{");
        str(j, "linkId", PEG_GROUP);
        code_array(j, "91148-7", "PEG 3 item pain scale");
        str(j, "text", content_ui(c, "summary.peg", sum->lang));
        str(j, "type", "group");
        json_open(j, "item", "[");
        for (size_t k = i; k < c->nquestions; k++)
            if (is_peg(&c->questions[k]))
                questionnaire_item(j, &c->questions[k], sum->lang);
        peg_score_item_def(j, sum);
        json_close(j, "]");
        json_close(j, "}");
    }
    json_close(j, "]");
    json_close(j, "}");
}

static bool answered(const Summary *sum, size_t i)
{
    return i < sum->nanswers && sum->answers[i].state == ANS_GIVEN;
}

static void answer_values(Json *j, const Question *q, const Answer *a, Lang lang)
{
    char system[160];
    json_open(j, "answer", "[");
    if (q->kind == QK_SCALE) {
        json_open(j, NULL, "{");
        raw(j, "valueInteger", "%d", a->value);
        json_close(j, "}");
    } else if (is_boolean(q)) {
        int yes = content_option_index(q, "yes");
        json_open(j, NULL, "{");
        raw(j, "valueBoolean", "%s", yes >= 0 && (a->options & (1u << yes)) ? "true" : "false");
        json_close(j, "}");
    } else {
        snprintf(system, sizeof system, "%s%s", OPTION_SYSTEM, q->id);
        for (size_t o = 0; o < q->noptions && o < CONTENT_MAX_OPTIONS; o++) {
            if (!(a->options & (1u << o)))
                continue;
            json_open(j, NULL, "{");
            coding(j, "valueCoding", system, q->options[o].id,
                   lang_text(&q->options[o].label, lang));
            json_close(j, "}");
        }
    }
    json_close(j, "]");
}

static void response_item(Json *j, const Summary *sum, size_t i)
{
    const Question *q = &sum->content->questions[i];
    json_open(j, NULL, "{");
    str(j, "linkId", q->id);
    str(j, "text", lang_text(&q->text, sum->lang));
    answer_values(j, q, &sum->answers[i], sum->lang);
    json_close(j, "}");
}

static void peg_group(Json *j, const Summary *sum)
{
    const Content *c = sum->content;
    json_open(j, NULL, "{");
    str(j, "linkId", PEG_GROUP);
    str(j, "text", content_ui(c, "summary.peg", sum->lang));
    json_open(j, "item", "[");
    for (size_t k = 0; k < c->nquestions; k++)
        if (is_peg(&c->questions[k]) && answered(sum, k))
            response_item(j, sum, k);
    if (sum->peg_score >= 0) {
        json_open(j, NULL, "{");
        str(j, "linkId", PEG_SCORE);
        str(j, "text", content_ui(c, "summary.peg_score", sum->lang));
        json_open(j, "answer", "[");
        json_open(j, NULL, "{");
        raw(j, "valueDecimal", "%.1f", sum->peg_score);
        json_close(j, "}");
        json_close(j, "]");
        json_close(j, "}");
    }
    json_close(j, "]");
    json_close(j, "}");
}

/* ISO 8601 with the local offset: 2026-11-21T12:30:05+01:00. */
static void iso_time(time_t t, char *buf, size_t size)
{
    struct tm tm;
    char off[8];
    if (!localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm) ||
        !strftime(off, sizeof off, "%z", &tm) || strlen(off) != 5) {
        snprintf(buf, size, "1970-01-01T00:00:00Z");
        return;
    }
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%.3s:%.2s", off, off + 3);
}

/* The members of the QuestionnaireResponse (inside its braces). */
static void response(Json *j, const Summary *sum, const char *when)
{
    bool peg_done = false, any_peg = false;
    for (size_t i = 0; i < sum->content->nquestions; i++)
        if (is_peg(&sum->content->questions[i]) && answered(sum, i))
            any_peg = true;
    str(j, "resourceType", "QuestionnaireResponse");
    str(j, "language", lang_code(sum->lang));
    json_open(j, "contained", "[");
    questionnaire(j, sum);
    json_close(j, "]");
    str(j, "questionnaire", "#" Q_ID);
    str(j, "status", sum->finished ? "completed" : "in-progress");
    str(j, "authored", when);
    json_open(j, "item", "[");
    for (size_t i = 0; i < sum->content->nquestions; i++) {
        const Question *q = &sum->content->questions[i];
        if (is_peg(q)) {
            if (!peg_done && any_peg)
                peg_group(j, sum);
            peg_done = true;
        } else if (answered(sum, i))
            response_item(j, sum, i);
    }
    json_close(j, "]");
}

/* A random urn:uuid for an entry's fullUrl (the time and a counter when there is no
 * random source). */
static void new_uuid(char *buf, size_t size, time_t t, unsigned n)
{
    unsigned char b[16] = {0};
    FILE *r = fopen("/dev/urandom", "rb");
    if (!r || fread(b, 1, sizeof b, r) != sizeof b) {
        for (size_t i = 0; i < sizeof b; i++)
            b[i] = (unsigned char)(((unsigned long long)t >> (8 * (i % 8))) ^ (n * 131u + i));
    }
    if (r)
        fclose(r);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    snprintf(buf, size,
             "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
             b[14], b[15]);
}

static void codeable(Json *j, const char *key, const char *system, const char *code,
                     const char *display)
{
    json_open(j, key, "{");
    json_open(j, "coding", "[");
    coding(j, NULL, system, code, display);
    json_close(j, "]");
    if (display)
        str(j, "text", display);
    json_close(j, "}");
}

/* The start of an Observation derived from the response: status, category, code,
 * time, the reference back. Left open for its value. */
static void observation_open(Json *j, const Summary *sum, const char *url)
{
    json_open(j, NULL, "{");
    str(j, "fullUrl", url);
    json_open(j, "resource", "{");
    str(j, "resourceType", "Observation");
    str(j, "status", sum->finished ? "final" : "preliminary");
    json_open(j, "category", "[");
    json_open(j, NULL, "{");
    json_open(j, "coding", "[");
    coding(j, NULL, "http://terminology.hl7.org/CodeSystem/observation-category", "survey",
           "Survey");
    json_close(j, "]");
    json_close(j, "}");
    json_close(j, "]");
}

static void observation_close(Json *j, const char *when, const char *qr_url)
{
    str(j, "effectiveDateTime", when);
    json_open(j, "derivedFrom", "[");
    json_open(j, NULL, "{");
    str(j, "reference", qr_url);
    json_close(j, "}");
    json_close(j, "]");
    json_close(j, "}");
    json_close(j, "}");
}

/* One raised flag: its tier as the value (and as an interpretation an EHR can sort
 * by), each answer behind it as a component. */
static void flag_observation(Json *j, const Summary *sum, const SummaryFlag *f, const char *url,
                             const char *when, const char *qr_url)
{
    observation_open(j, sum, url);
    codeable(j, "code", FLAG_SYSTEM, f->flag->id, lang_text(&f->flag->text, sum->lang));
    codeable(j, "valueCodeableConcept", TIER_SYSTEM, summary_tier_name(f->flag->tier),
             content_ui(sum->content,
                        f->flag->tier == TIER_URGENT ? "summary.urgent" : "summary.clinician",
                        sum->lang));
    json_open(j, "interpretation", "[");
    json_open(j, NULL, "{");
    json_open(j, "coding", "[");
    coding(j, NULL, "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
           f->flag->tier == TIER_URGENT ? "AA" : "A",
           f->flag->tier == TIER_URGENT ? "Critical abnormal" : "Abnormal");
    json_close(j, "]");
    json_close(j, "}");
    json_close(j, "]");
    if (f->flag->tier == TIER_URGENT && sum->urgent_ack != URGENT_ACK_NONE) {
        json_open(j, "note", "[");
        json_open(j, NULL, "{");
        str(j, "text",
            content_ui(sum->content,
                       sum->urgent_ack == URGENT_ACK_STAFF ? "summary.ack_staff"
                                                           : "summary.ack_patient",
                       sum->lang));
        json_close(j, "}");
        json_close(j, "]");
    }
    if (f->nbecause) {
        char ans[CONTENT_ANSWER_MAX];
        json_open(j, "component", "[");
        for (size_t i = 0; i < f->nbecause; i++) {
            const Question *q = f->because[i].question;
            json_open(j, NULL, "{");
            codeable(j, "code", QUESTION_SYSTEM, q->id, lang_text(&q->short_label, sum->lang));
            str(j, "valueString", summary_answer_text(sum, &f->because[i], ans, sizeof ans));
            json_close(j, "}");
        }
        json_close(j, "]");
        wipe(ans, sizeof ans); /* her answer; the stack keeps it after the return */
    }
    observation_close(j, when, qr_url);
}

/* The questions behind the flags that have no answer (skipped, not sure, not asked),
 * as one Observation whose components name each and why: no flag raised from them is
 * not a negative screen, and an EHR must not read their absence from the response as
 * one. Its value is how many there are. */
static void missing_observation(Json *j, const Summary *sum, const char *url, const char *when,
                                const char *qr_url)
{
    observation_open(j, sum, url);
    codeable(j, "code", FLAG_SYSTEM, "not_answered",
             content_ui(sum->content, "summary.missing", sum->lang));
    raw(j, "valueInteger", "%zu", sum->nnot_answered);
    json_open(j, "component", "[");
    for (size_t i = 0; i < sum->nnot_answered; i++) {
        const Question *q = sum->not_answered[i].question;
        json_open(j, NULL, "{");
        codeable(j, "code", QUESTION_SYSTEM, q->id, lang_text(&q->short_label, sum->lang));
        str(j, "valueString", summary_missing_text(sum, &sum->not_answered[i]));
        json_close(j, "}");
    }
    json_close(j, "]");
    observation_close(j, when, qr_url);
}

/* PHQ-2 total (LOINC 55758-7) and PEG mean (91147-9) as scored Observations. */
static void score_observations(Json *j, const Summary *sum, time_t t, unsigned *n, const char *when,
                               const char *qr_url)
{
    char url[64];
    if (sum->phq2 >= 0) {
        new_uuid(url, sizeof url, t, (*n)++);
        observation_open(j, sum, url);
        codeable(j, "code", LOINC, "55758-7", "PHQ-2 total score");
        raw(j, "valueInteger", "%d", sum->phq2);
        observation_close(j, when, qr_url);
    }
    if (sum->peg_score >= 0) {
        new_uuid(url, sizeof url, t, (*n)++);
        observation_open(j, sum, url);
        codeable(j, "code", LOINC, "91147-9", "PEG mean score");
        json_open(j, "valueQuantity", "{");
        raw(j, "value", "%.1f", sum->peg_score);
        str(j, "system", "http://unitsofmeasure.org");
        str(j, "code", "{score}");
        json_close(j, "}");
        observation_close(j, when, qr_url);
    }
    wipe(url, sizeof url);
}

int fhir_write(const Summary *sum, FILE *out)
{
    Json j = {out, 0, true, false};
    char when[48], qr_url[64], url[64];
    unsigned n = 0;

    if (!sum || !sum->content || !out)
        return PK_EINVAL;
    iso_time(sum->created, when, sizeof when);
    new_uuid(qr_url, sizeof qr_url, sum->created, n++);
    put(&j, "{");
    j.depth = 1;
    str(&j, "resourceType", "Bundle");
    str(&j, "type", "collection");
    str(&j, "timestamp", when);
    json_open(&j, "entry", "[");
    json_open(&j, NULL, "{");
    str(&j, "fullUrl", qr_url);
    json_open(&j, "resource", "{");
    response(&j, sum, when);
    json_close(&j, "}");
    json_close(&j, "}");
    for (size_t i = 0; i < sum->nurgent + sum->nclinician; i++) {
        const SummaryFlag *f =
            i < sum->nurgent ? &sum->urgent[i] : &sum->clinician[i - sum->nurgent];
        new_uuid(url, sizeof url, sum->created, n++);
        flag_observation(&j, sum, f, url, when, qr_url);
    }
    if (sum->nnot_answered) {
        new_uuid(url, sizeof url, sum->created, n++);
        missing_observation(&j, sum, url, when, qr_url);
    }
    score_observations(&j, sum, sum->created, &n, when, qr_url);
    json_close(&j, "]");
    j.depth = 0;
    newline(&j);
    put(&j, "}\n");
    if (fflush(out) != 0 || ferror(out))
        j.failed = true;
    /* the session's time and the file's urn:uuids would stay on the stack: they tie what
       is left there to this patient's file */
    wipe(when, sizeof when);
    wipe(qr_url, sizeof qr_url);
    wipe(url, sizeof url);
    return j.failed ? PK_EIO : 0;
}
