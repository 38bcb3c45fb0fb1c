/* The summary model as JSON (--summary-json): what content authors and tests check a
 * rule change against. Ids only, no patient wording, so it reads the same in both
 * languages. */
#include <stdbool.h>
#include <string.h>

#include "error.h"
#include "summary.h"

static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

/* "[\"id\", ...]" of n entries whose member id names them (causes, advice, holds). */
#define PUT_IDS(out, items, n)                                                                     \
    do {                                                                                           \
        fputc('[', out);                                                                           \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                      \
            fputs(i_ ? ", " : "", out);                                                            \
            put_string(out, (items)[i_]->id);                                                      \
        }                                                                                          \
        fputc(']', out);                                                                           \
    } while (0)

static void put_because(FILE *out, const SummaryFact *f, size_t n)
{
    fputs("\"because\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        put_string(out, f[i].question->id);
    }
    fputc(']', out);
}

static void put_flags(FILE *out, const SummaryFlag *f, size_t n, bool *first)
{
    for (size_t i = 0; i < n; i++) {
        fputs(*first ? "\n    {\"id\": " : ",\n    {\"id\": ", out);
        *first = false;
        put_string(out, f[i].flag->id);
        fprintf(out, ", \"tier\": \"%s\", ", summary_tier_name(f[i].flag->tier));
        put_because(out, f[i].because, f[i].nbecause);
        fputc('}', out);
    }
}

static void put_number(FILE *out, const char *name, int v, bool last)
{
    fprintf(out, "    \"%s\": ", name);
    if (v < 0)
        fputs("null", out);
    else
        fprintf(out, "%d", v);
    fputs(last ? "\n" : ",\n", out);
}

static void put_advice(FILE *out, const Advice *const *list, size_t n, bool held, bool *first)
{
    for (size_t i = 0; i < n; i++) {
        fputs(*first ? "\n    {\"id\": " : ",\n    {\"id\": ", out);
        *first = false;
        put_string(out, list[i]->id);
        fprintf(out, ", \"group\": ");
        put_string(out, list[i]->group);
        fprintf(out, ", \"held\": %s}", held ? "true" : "false");
    }
}

/* Flags (both tiers), the red-flag questions without an answer, safety_all_no. */
static void put_safety_part(FILE *out, const Summary *sum)
{
    static const char *const why[] = {
        [MISSING_NOT_ASKED] = "not_asked",
        [MISSING_SKIPPED] = "skipped",
        [MISSING_UNSURE] = "not_sure",
    };
    bool first = true;
    fputs("  \"flags\": [", out);
    put_flags(out, sum->urgent, sum->nurgent, &first);
    put_flags(out, sum->clinician, sum->nclinician, &first);
    fputs(first ? "],\n" : "\n  ],\n", out);

    fputs("  \"not_answered\": [", out);
    for (size_t i = 0; i < sum->nnot_answered; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        put_string(out, sum->not_answered[i].question->id);
        fprintf(out, ", \"why\": \"%s\"}", why[sum->not_answered[i].why]);
    }
    fputs(sum->nnot_answered ? "\n  ],\n" : "],\n", out);
    fprintf(out, "  \"safety_all_no\": %s,\n", sum->safety_all_no ? "true" : "false");
}

static void put_scores(FILE *out, const Summary *sum)
{
    fputs("  \"scores\": {\n", out);
    put_number(out, "pain_now", sum->pain_now, false);
    put_number(out, "peg_pain", sum->peg[0], false);
    put_number(out, "peg_enjoyment", sum->peg[1], false);
    put_number(out, "peg_activity", sum->peg[2], false);
    if (sum->peg_score < 0)
        fputs("    \"peg\": null,\n", out);
    else
        fprintf(out, "    \"peg\": %.2f,\n", sum->peg_score);
    put_number(out, "phq2", sum->phq2, false);
    fprintf(out, "    \"phq2_positive\": %s\n  },\n", sum->phq2_positive ? "true" : "false");
}

/* Causes (with the answers behind them), the folded ones, the plan and its holds. */
static void put_plan_part(FILE *out, const Summary *sum)
{
    fputs("  \"causes\": [", out);
    for (size_t i = 0; i < sum->ncauses; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        put_string(out, sum->causes[i].cause->id);
        fputs(", ", out);
        put_because(out, sum->causes[i].because, sum->causes[i].nbecause);
        fputc('}', out);
    }
    fputs(sum->ncauses ? "\n  ],\n" : "],\n", out);
    fputs("  \"folded_causes\": ", out);
    PUT_IDS(out, sum->folded, sum->nfolded);
    fputs(",\n", out);

    fputs("  \"top\": ", out);
    PUT_IDS(out, sum->top, sum->ntop);
    fputs(",\n  \"advice\": [", out);
    bool first = true;
    put_advice(out, sum->top, sum->ntop, false, &first);
    put_advice(out, sum->advice, sum->nadvice, false, &first);
    put_advice(out, sum->held, sum->nheld, true, &first);
    fputs(first ? "],\n" : "\n  ],\n", out);
    fputs("  \"holds\": ", out);
    PUT_IDS(out, sum->holds, sum->nholds);
    fputs(",\n", out);
}

int summary_write_json(const Summary *sum, FILE *out)
{
    static const char *const ack[] = {
        [URGENT_ACK_NONE] = "none",
        [URGENT_ACK_STAFF] = "staff",
        [URGENT_ACK_PATIENT] = "patient",
    };
    fprintf(out, "{\n  \"complete\": %s,\n", sum->finished ? "true" : "false");
    fprintf(out, "  \"lang\": \"%s\",\n", lang_code(sum->lang));
    fprintf(out, "  \"urgent\": %s,\n  \"urgent_ack\": \"%s\",\n",
            sum->urgent_raised ? "true" : "false", ack[sum->urgent_ack]);
    put_safety_part(out, sum);
    put_scores(out, sum);
    put_plan_part(out, sum);
    fputs("  \"safety_net\": {\"present\": true, \"emergency\": ", out);
    put_string(out, sum->safety.emergency);
    fputs(", \"crisis\": ", out);
    put_string(out, sum->safety.crisis);
    fputs(", \"clinic\": ", out);
    put_string(out, sum->safety.clinic);
    fputs("}\n}\n", out);
    return ferror(out) ? PK_EIO : 0;
}
