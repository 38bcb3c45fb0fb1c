#include "rules.h"

static void add_evidence(Evidence *ev, size_t q, uint32_t options)
{
    for (size_t i = 0; i < ev->count; i++)
        if (ev->question[i] == q) {
            ev->options[i] |= options;
            return;
        }
    if (ev->count < EVIDENCE_MAX) {
        ev->question[ev->count] = q;
        ev->options[ev->count++] = options;
    }
}

bool rules_question_visible(const Content *c, const Answer *answers, size_t qindex)
{
    const Cond *show_if = c->questions[qindex].show_if;
    return !show_if || rules_eval(c, show_if, answers, NULL);
}

/* Whether question q has no answer that is known (skipped or "I don't know"; not
 * reached too when reached_unknown) while it could be asked. */
static bool open_leaf(const Content *c, const Answer *answers, size_t q, bool reached_unknown)
{
    AnswerState st = answers[q].state;
    bool open = st == ANS_SKIPPED || st == ANS_DONT_KNOW || (reached_unknown && st == ANS_NONE);
    return open && rules_question_could_be_asked(c, answers, q, reached_unknown);
}

/* cond with the answers not known left open, three-valued: whether it could hold once
 * they are known (may), or holds whatever they are (!may). A show_if of two answers, one
 * known to rule the question out, then says so ("delivery is vaginal" and "the time
 * since birth" skipped: the C-section question is not asked). */
static bool bound(const Content *c, const Answer *answers, const Cond *cond, bool reached_unknown,
                  bool may)
{
    switch (cond->op) {
    case COND_ALL:
        for (size_t i = 0; i < cond->nkids; i++)
            if (!bound(c, answers, cond->kids[i], reached_unknown, may))
                return false;
        return true;
    case COND_ANY:
        for (size_t i = 0; i < cond->nkids; i++)
            if (bound(c, answers, cond->kids[i], reached_unknown, may))
                return true;
        return false;
    case COND_NOT:
        return !bound(c, answers, cond->kids[0], reached_unknown, !may);
    default:
        if (cond->op != COND_UNKNOWN && open_leaf(c, answers, cond->question, reached_unknown))
            return may;
        return rules_eval(c, cond, answers, NULL);
    }
}

/* show_if names only earlier questions (the loader checks), so this ends */
bool rules_question_could_be_asked(const Content *c, const Answer *answers, size_t qindex,
                                   bool reached_unknown)
{
    const Cond *show_if = c->questions[qindex].show_if;
    return !show_if || bound(c, answers, show_if, reached_unknown, true);
}

/* The answer to question q if it was given and q is asked, else NULL. */
static const Answer *given(const Content *c, const Answer *answers, size_t q)
{
    if (answers[q].state != ANS_GIVEN || !rules_question_visible(c, answers, q))
        return NULL;
    return &answers[q];
}

bool rules_eval(const Content *c, const Cond *cond, const Answer *answers, Evidence *ev)
{
    if (!cond)
        return true;
    switch (cond->op) {
    case COND_ALL: {
        Evidence mine = {0};
        for (size_t i = 0; i < cond->nkids; i++)
            if (!rules_eval(c, cond->kids[i], answers, ev ? &mine : NULL))
                return false;
        for (size_t i = 0; ev && i < mine.count; i++)
            add_evidence(ev, mine.question[i], mine.options[i]);
        return true;
    }
    case COND_ANY: {
        bool any = false;
        for (size_t i = 0; i < cond->nkids; i++)
            any |= rules_eval(c, cond->kids[i], answers, ev);
        return any;
    }
    case COND_NOT:
        return !rules_eval(c, cond->kids[0], answers, NULL);
    case COND_UNKNOWN: /* what it would say is not known: nothing to cite */
        return answers[cond->question].state != ANS_GIVEN &&
               rules_question_could_be_asked(c, answers, cond->question, true);
    default:
        break;
    }
    const Answer *a = given(c, answers, cond->question);
    if (!a)
        return false;
    bool holds = false;
    switch (cond->op) {
    case COND_EQUALS:
        holds = c->questions[cond->question].kind == QK_SCALE ? a->value == cond->number
                                                              : a->options == cond->options;
        break;
    case COND_ONE_OF:
    case COND_INCLUDES:
    case COND_INCLUDES_ANY:
        holds = (a->options & cond->options) != 0;
        break;
    case COND_AT_LEAST:
        holds = a->value >= cond->number;
        break;
    case COND_AT_MOST:
        holds = a->value <= cond->number;
        break;
    default:
        break;
    }
    if (holds && ev)
        add_evidence(ev, cond->question,
                     c->questions[cond->question].kind == QK_SCALE ? 0
                                                                   : a->options & cond->options);
    return holds;
}

int rules_last_question(const Cond *cond)
{
    if (!cond)
        return -1;
    if (cond->op != COND_ALL && cond->op != COND_ANY && cond->op != COND_NOT)
        return (int)cond->question;
    int last = -1;
    for (size_t i = 0; i < cond->nkids; i++) {
        int k = rules_last_question(cond->kids[i]);
        last = k > last ? k : last;
    }
    return last;
}

bool rules_cond_names(const Cond *cond, size_t q)
{
    if (!cond)
        return false;
    if (cond->op == COND_ALL || cond->op == COND_ANY || cond->op == COND_NOT) {
        for (size_t i = 0; i < cond->nkids; i++)
            if (rules_cond_names(cond->kids[i], q))
                return true;
        return false;
    }
    return cond->question == q;
}

bool rules_cond_asks_unknown(const Cond *cond)
{
    if (!cond)
        return false;
    if (cond->op == COND_ALL || cond->op == COND_ANY || cond->op == COND_NOT) {
        for (size_t i = 0; i < cond->nkids; i++)
            if (rules_cond_asks_unknown(cond->kids[i]))
                return true;
        return false;
    }
    return cond->op == COND_UNKNOWN;
}
