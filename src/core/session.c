#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "wipe.h"

/* An urgent flag raised in this session: the answers that raised it, as they were then
 * (she may change them after; the flag stays, and the summary says what she said). */
typedef struct {
    bool raised;
    Evidence ev;
    Answer said[EVIDENCE_MAX];
    Answer *then; /* every answer then (one per question), NULL on no memory */
} Raised;

struct Session {
    const Content *content;
    Lang lang;
    size_t current;  /* question index; content->nquestions when finished */
    Answer *answers; /* one per question */
    size_t *history; /* questions asked before the current one, oldest first */
    size_t nhistory;
    Raised *raised; /* one per flag: urgent flags already announced, and by what */
    const Flag *last_urgent;
    int urgent_ack; /* UrgentAck (summary.h) */
};

/* The first visible question at or after i, or nquestions. */
static size_t next_visible(const Session *s, size_t i)
{
    const Content *c = s->content;
    while (i < c->nquestions && !rules_question_visible(c, s->answers, i))
        i++;
    return i;
}

Session *session_new(const Content *c, Lang lang)
{
    Session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->content = c;
    s->lang = lang;
    s->answers = calloc(c->nquestions ? c->nquestions : 1, sizeof *s->answers);
    s->history = calloc(c->nquestions ? c->nquestions : 1, sizeof *s->history);
    s->raised = calloc(c->nflags ? c->nflags : 1, sizeof *s->raised);
    if (!s->answers || !s->history || !s->raised) {
        session_free(s);
        return NULL;
    }
    s->current = next_visible(s, 0);
    return s;
}

static void wipe_all(Session *s)
{
    const Content *c = s->content;
    for (size_t i = 0; i < c->nflags; i++)
        if (s->raised[i].then) {
            wipe(s->raised[i].then, c->nquestions * sizeof *s->raised[i].then);
            free(s->raised[i].then);
        }
    wipe(s->answers, c->nquestions * sizeof *s->answers);
    wipe(s->history, c->nquestions * sizeof *s->history);
    wipe(s->raised, c->nflags * sizeof *s->raised);
    s->nhistory = 0;
    s->last_urgent = NULL;
    s->urgent_ack = 0;
}

void session_free(Session *s)
{
    if (!s)
        return;
    if (s->answers && s->history && s->raised)
        wipe_all(s);
    free(s->answers);
    free(s->history);
    free(s->raised);
    wipe(s, sizeof *s);
    free(s);
}

void session_restart(Session *s)
{
    wipe_all(s);
    s->current = next_visible(s, 0);
}

Lang session_lang(const Session *s)
{
    return s->lang;
}

void session_set_lang(Session *s, Lang lang)
{
    s->lang = lang;
}

const Content *session_content(const Session *s)
{
    return s->content;
}

const Question *session_question(const Session *s)
{
    return s->current < s->content->nquestions ? &s->content->questions[s->current] : NULL;
}

int session_question_index(const Session *s)
{
    return s->current < s->content->nquestions ? (int)s->current : -1;
}

bool session_finished(const Session *s)
{
    return s->current >= s->content->nquestions;
}

void session_progress(const Session *s, size_t *pos, size_t *total)
{
    *pos = *total = 0;
    if (session_finished(s))
        return;
    const Content *c = s->content;
    for (size_t i = 0; i < c->nquestions; i++) {
        /* A later question whose condition rests on questions not yet passed counts as
         * coming: the total can only shrink as the answers rule questions out. */
        bool undecided =
            i > s->current && rules_last_question(c->questions[i].show_if) >= (int)s->current;
        if (!undecided && !rules_question_visible(c, s->answers, i))
            continue;
        (*total)++;
        if (i <= s->current)
            (*pos)++;
    }
}

static bool answer_fits(const Question *q, const Answer *a)
{
    if (a->state != ANS_GIVEN)
        return false;
    uint32_t all = q->noptions >= 32 ? 0xFFFFFFFFu : (1u << q->noptions) - 1;
    switch (q->kind) {
    case QK_SCALE:
        return a->value >= q->min && a->value <= q->max;
    case QK_MULTI:
        return a->options && !(a->options & ~all);
    default:
        return a->options && !(a->options & ~all) && !(a->options & (a->options - 1));
    }
}

/* Moves past the current question, remembering it for "go back". */
static void advance(Session *s)
{
    s->history[s->nhistory++] = s->current;
    s->current = next_visible(s, s->current + 1);
}

/* Marks urgent flags that hold now; returns true when one was not raised before. */
static bool raise_urgent(Session *s)
{
    const Content *c = s->content;
    bool fresh = false;
    for (size_t i = 0; i < c->nflags; i++) {
        const Flag *f = &c->flags[i];
        Raised *r = &s->raised[i];
        if (f->tier != TIER_URGENT || r->raised)
            continue;
        r->ev = (Evidence){0};
        if (rules_eval(c, f->when, s->answers, &r->ev)) {
            r->raised = true;
            for (size_t k = 0; k < r->ev.count; k++)
                r->said[k] = s->answers[r->ev.question[k]];
            r->then = malloc(c->nquestions * sizeof *r->then);
            if (r->then)
                memcpy(r->then, s->answers, c->nquestions * sizeof *r->then);
            s->last_urgent = f;
            fresh = true;
        }
    }
    return fresh;
}

int session_answer(Session *s, const Answer *a)
{
    const Question *q = session_question(s);
    if (!q)
        return PK_ESTATE;
    if (!answer_fits(q, a))
        return PK_EINVAL;
    s->answers[s->current] = *a;
    s->answers[s->current].state = ANS_GIVEN;
    if (q->kind == QK_SCALE)
        s->answers[s->current].options = 0;
    else
        s->answers[s->current].value = 0;
    advance(s);
    return raise_urgent(s) ? SESSION_URGENT : 0;
}

static int pass(Session *s, AnswerState state)
{
    const Question *q = session_question(s);
    if (!q || !q->can_skip)
        return PK_ESTATE;
    memset(&s->answers[s->current], 0, sizeof s->answers[s->current]);
    s->answers[s->current].state = state;
    advance(s);
    return 0;
}

int session_skip(Session *s)
{
    return pass(s, ANS_SKIPPED);
}

int session_dont_know(Session *s)
{
    return pass(s, ANS_DONT_KNOW);
}

int session_pass(Session *s)
{
    if (!session_question(s))
        return PK_ESTATE;
    memset(&s->answers[s->current], 0, sizeof s->answers[s->current]);
    advance(s);
    return 0;
}

int session_back(Session *s)
{
    if (s->nhistory == 0)
        return PK_ESTATE;
    s->current = s->history[--s->nhistory];
    s->history[s->nhistory] = 0;
    return 0;
}

const Flag *session_urgent_flag(const Session *s)
{
    return s->last_urgent;
}

bool session_any_urgent(const Session *s)
{
    for (size_t i = 0; i < s->content->nflags; i++)
        if (s->raised[i].raised)
            return true;
    return false;
}

bool session_anything_said(const Session *s)
{
    for (size_t i = 0; i < s->content->nquestions; i++)
        if (s->answers[i].state != ANS_NONE)
            return true;
    return session_any_urgent(s);
}

const Answer *session_answers(const Session *s)
{
    return s->answers;
}

bool session_flag_raised(const Session *s, size_t i)
{
    return i < s->content->nflags && s->raised[i].raised;
}

const Answer *session_raised_answers(const Session *s, size_t i)
{
    return session_flag_raised(s, i) ? s->raised[i].then : NULL;
}

bool session_raised_by(const Session *s, size_t i, Evidence *ev, Answer said[EVIDENCE_MAX])
{
    if (!session_flag_raised(s, i))
        return false;
    *ev = s->raised[i].ev;
    memcpy(said, s->raised[i].said, sizeof s->raised[i].said);
    return true;
}

void session_acknowledge_urgent(Session *s, int how)
{
    s->urgent_ack = how;
}

int session_urgent_ack(const Session *s)
{
    return s->urgent_ack;
}
