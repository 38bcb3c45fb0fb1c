#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "wipe.h"

static void facts_from(const Content *c, const Answer *answers, const Evidence *ev,
                       SummaryFact *out, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < ev->count && *n < EVIDENCE_MAX; i++) {
        out[*n].question = &c->questions[ev->question[i]];
        out[*n].answer = answers[ev->question[i]];
        (*n)++;
    }
}

static int role_value(const Content *c, const Answer *answers, QuestionRole role)
{
    for (size_t i = 0; i < c->nquestions; i++)
        if (c->questions[i].role == role && answers[i].state == ANS_GIVEN)
            return answers[i].value;
    return -1;
}

int summary_build(const Session *s, Summary *out)
{
    const Content *c = session_content(s);
    memset(out, 0, sizeof *out);
    out->lang = session_lang(s);
    out->content = c;
    out->finished = session_finished(s);
    out->created = time(NULL);

    /* Only answers to questions that were asked count. */
    out->answers = calloc(c->nquestions ? c->nquestions : 1, sizeof *out->answers);
    out->urgent = calloc(c->nflags ? c->nflags : 1, sizeof *out->urgent);
    out->clinician = calloc(c->nflags ? c->nflags : 1, sizeof *out->clinician);
    out->context = calloc(c->nquestions ? c->nquestions : 1, sizeof *out->context);
    out->causes = calloc(c->ncauses ? c->ncauses : 1, sizeof *out->causes);
    out->advice = calloc(c->nadvice ? c->nadvice : 1, sizeof *out->advice);
    out->areas = calloc(CONTENT_MAX_OPTIONS, sizeof *out->areas);
    if (!out->answers || !out->urgent || !out->clinician || !out->context || !out->causes ||
        !out->advice || !out->areas) {
        summary_free(out);
        return PK_ENOMEM;
    }
    const Answer *given = session_answers(s);
    out->nanswers = c->nquestions;
    for (size_t i = 0; i < c->nquestions; i++)
        if (question_visible(c, given, i))
            out->answers[i] = given[i];
    const Answer *a = out->answers;

    for (size_t i = 0; i < c->nflags; i++) {
        const Flag *f = &c->flags[i];
        Evidence ev = {0};
        bool holds = cond_eval(c, f->when, a, &ev);
        if (!holds && !(f->tier == TIER_URGENT && session_flag_raised(s, i)))
            continue;
        SummaryFlag *sf = f->tier == TIER_URGENT ? &out->urgent[out->nurgent++]
                                                 : &out->clinician[out->nclinician++];
        sf->flag = f;
        facts_from(c, a, &ev, sf->because, &sf->nbecause);
    }

    out->pain_now = role_value(c, a, ROLE_PAIN_NOW);
    out->peg[0] = role_value(c, a, ROLE_PEG_PAIN);
    out->peg[1] = role_value(c, a, ROLE_PEG_ENJOYMENT);
    out->peg[2] = role_value(c, a, ROLE_PEG_ACTIVITY);
    out->peg_score = -1;
    if (out->peg[0] >= 0 && out->peg[1] >= 0 && out->peg[2] >= 0)
        out->peg_score = (out->peg[0] + out->peg[1] + out->peg[2]) / 3.0;

    for (size_t i = 0; i < c->nquestions; i++) {
        const Question *q = &c->questions[i];
        if (q->role == ROLE_AREAS && a[i].state == ANS_GIVEN) {
            for (size_t o = 0; o < q->noptions; o++)
                if (a[i].options & (1u << o))
                    out->areas[out->nareas++] = &q->options[o];
        }
        if (q->role == ROLE_CONTEXT && a[i].state != ANS_NONE) {
            out->context[out->ncontext].question = q;
            out->context[out->ncontext].answer = a[i];
            out->ncontext++;
        }
    }

    for (size_t i = 0; i < c->ncauses; i++) {
        Evidence ev = {0};
        if (!cond_eval(c, c->causes[i].when, a, &ev))
            continue;
        SummaryCause *sc = &out->causes[out->ncauses++];
        sc->cause = &c->causes[i];
        facts_from(c, a, &ev, sc->because, &sc->nbecause);
    }

    for (size_t i = 0; i < c->nadvice; i++)
        if (cond_eval(c, c->advice[i].when, a, NULL))
            out->advice[out->nadvice++] = &c->advice[i];
    return 0;
}

void summary_free(Summary *sum)
{
    const Content *c = sum->content;
    if (c) {
        wipe(sum->answers, sum->nanswers * sizeof *sum->answers);
        wipe(sum->urgent, c->nflags * sizeof *sum->urgent);
        wipe(sum->clinician, c->nflags * sizeof *sum->clinician);
        wipe(sum->context, c->nquestions * sizeof *sum->context);
        wipe(sum->causes, c->ncauses * sizeof *sum->causes);
        wipe(sum->advice, c->nadvice * sizeof *sum->advice);
        wipe(sum->areas, CONTENT_MAX_OPTIONS * sizeof *sum->areas);
    }
    free(sum->answers);
    free(sum->urgent);
    free(sum->clinician);
    free(sum->context);
    free(sum->causes);
    free(sum->advice);
    free(sum->areas);
    wipe(sum, sizeof *sum);
}

const char *summary_answer_text(const Summary *sum, const SummaryFact *f, char *buf, size_t size)
{
    const Question *q = f->question;
    Lang lang = sum->lang;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (f->answer.state == ANS_SKIPPED) {
        snprintf(buf, size, "%s", content_ui(sum->content, "summary.skipped", lang));
        return buf;
    }
    if (f->answer.state != ANS_GIVEN) {
        snprintf(buf, size, "%s", content_ui(sum->content, "summary.not_answered", lang));
        return buf;
    }
    if (q->kind == QK_SCALE) {
        snprintf(buf, size, "%d", f->answer.value);
        return buf;
    }
    size_t n = 0;
    for (size_t o = 0; o < q->noptions && n + 1 < size; o++) {
        if (!(f->answer.options & (1u << o)))
            continue;
        int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
                         text_get(&q->options[o].label, lang));
        if (w < 0)
            break;
        n += (size_t)w < size - n ? (size_t)w : size - n - 1;
    }
    return buf;
}
