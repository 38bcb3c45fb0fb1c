#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "wipe.h"

/* Copies the evidence as facts; for choice and multi answers only the options that
 * raised the rule are kept, so "because you said" names just those. */
static void facts_from(const Content *c, const Answer *answers, const Evidence *ev,
                       SummaryFact *out, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < ev->count && *n < EVIDENCE_MAX; i++) {
        out[*n].question = &c->questions[ev->question[i]];
        out[*n].answer = answers[ev->question[i]];
        if (ev->options[i])
            out[*n].answer.options &= ev->options[i];
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

/* The index of the one option chosen, or -1. */
static int chosen(const Answer *a)
{
    if (a->state != ANS_GIVEN || !a->options)
        return -1;
    int o = 0;
    while (!(a->options & (1u << o)))
        o++;
    return o;
}

static bool chose(const Question *q, const Answer *a, const char *option_id)
{
    int o = content_option_index(q, option_id);
    return o >= 0 && a->state == ANS_GIVEN && a->options == 1u << o;
}

/* Whether a flag looks at question q's answer ("how it started" for sudden pain). */
static bool flag_question(const Content *c, size_t q)
{
    for (size_t i = 0; i < c->nflags; i++)
        if (rules_cond_names(c->flags[i].when, q))
            return true;
    return false;
}

/* The red-flag questions without a usable answer, and whether all were answered no. A
 * red-flag question hidden only because the question it depends on was skipped or not
 * known (delivery skipped: the wound questions) was never asked: it is listed too. So
 * is any other question a flag looks at that was skipped or answered "I don't know"
 * (the time since birth, how the pain started, a PHQ-2 item): no flag raised from it is
 * not a clear screen. */
static void find_missing(Summary *out)
{
    const Content *c = out->content;
    size_t asked = 0, no = 0;
    for (size_t i = 0; i < c->nquestions; i++) {
        const Question *q = &c->questions[i];
        const Answer *a = &out->answers[i];
        bool red = q->role == ROLE_RED_FLAG;
        if ((!red && !flag_question(c, i)) ||
            !rules_question_could_be_asked(c, out->answers, i, false))
            continue;
        if (!red && a->state != ANS_SKIPPED && a->state != ANS_DONT_KNOW)
            continue; /* not reached: the summary says the interview stopped */
        asked += red;
        MissingWhy why;
        if (a->state == ANS_NONE)
            why = MISSING_NOT_ASKED;
        else if (a->state == ANS_SKIPPED)
            why = MISSING_SKIPPED;
        else if (a->state == ANS_DONT_KNOW || chose(q, a, "not_sure"))
            why = MISSING_UNSURE;
        else {
            no += chose(q, a, "no");
            continue;
        }
        out->not_answered[out->nnot_answered].question = q;
        out->not_answered[out->nnot_answered].why = why;
        out->nnot_answered++;
    }
    out->safety_all_no = asked > 0 && no == asked && out->nnot_answered == 0 && out->finished;
}

static void score_phq2(Summary *out)
{
    const Content *c = out->content;
    int total = 0, items = 0, open = 0;
    for (size_t i = 0; i < c->nquestions; i++) {
        if (c->questions[i].role != ROLE_PHQ2)
            continue;
        out->phq2_asked = true;
        int o = chosen(&out->answers[i]);
        if (o < 0) {
            open++;
            continue;
        }
        total += o;
        items++;
    }
    if (items == 2 && !open) {
        out->phq2 = total;
        out->phq2_positive = total >= 3;
    } else if (items && total >= 3) { /* positive whatever the item not answered says */
        out->phq2_at_least = total;
        out->phq2_positive = true;
    }
}

static void pick_causes(Summary *out)
{
    const Content *c = out->content;
    const Answer *a = out->answers;
    for (size_t i = 0; i < c->ncauses; i++) {
        const Cause *cause = &c->causes[i];
        Evidence ev = {0};
        if (rules_eval(c, cause->when, a, &ev) && out->ncauses < SUMMARY_MAX_CAUSES) {
            SummaryCause *sc = &out->causes[out->ncauses++];
            sc->cause = cause;
            facts_from(c, a, &ev, sc->because, &sc->nbecause);
        } else if (rules_eval(c, cause->when, a, NULL) ||
                   (cause->also && rules_eval(c, cause->also, a, NULL))) {
            out->folded[out->nfolded++] = cause;
        }
    }
}

static bool hold_in_force(const Summary *out, const AdviceHold *h)
{
    for (size_t i = 0; i < out->nholds; i++)
        if (out->holds[i] == h)
            return true;
    return false;
}

/* Whether hold h holds for her answers, or for her answers as they were when an urgent
 * flag was raised: the flag stays on her paper when she changes the answer, so what it
 * held stays held (a chest-pain yes taken back offered every exercise beside it). Not a
 * hold on what is not known: then, the questions after were not reached yet. */
static bool hold_holds(const Session *s, const Summary *out, const AdviceHold *h)
{
    const Content *c = out->content;
    if (rules_eval(c, h->when, out->answers, NULL))
        return true;
    if (rules_cond_asks_unknown(h->when))
        return false;
    for (size_t f = 0; f < c->nflags; f++) {
        const Answer *then = session_raised_answers(s, f);
        if (then && rules_eval(c, h->when, then, NULL))
            return true;
    }
    return false;
}

static void pick_advice(const Session *s, Summary *out)
{
    const Content *c = out->content;
    for (size_t i = 0; i < c->nholds; i++)
        if (hold_holds(s, out, &c->holds[i]))
            out->holds[out->nholds++] = &c->holds[i];
    /* Collected in out->advice, then the best-ranked move to out->top. */
    const Advice **shown = out->advice;
    size_t nshown = 0;
    for (size_t i = 0; i < c->nadvice; i++) {
        const Advice *adv = &c->advice[i];
        if (!rules_eval(c, adv->when, out->answers, NULL))
            continue;
        bool held = false;
        for (size_t h = 0; h < adv->nheld_by && !held; h++)
            held = hold_in_force(out, adv->held_by[h]);
        if (held)
            out->held[out->nheld++] = adv;
        else
            shown[nshown++] = adv;
    }
    /* The best-ranked items open the plan; ties keep content order. */
    for (size_t t = 0; t < SUMMARY_TOP_ACTIONS; t++) {
        size_t best = nshown;
        for (size_t i = 0; i < nshown; i++)
            if (shown[i] && shown[i]->rank > 0 &&
                (best == nshown || shown[i]->rank < shown[best]->rank))
                best = i;
        if (best == nshown)
            break;
        out->top[out->ntop++] = shown[best];
        shown[best] = NULL;
    }
    for (size_t i = 0; i < nshown; i++)
        if (shown[i])
            out->advice[out->nadvice++] = shown[i];
}

SafetyNet summary_default_safety(void)
{
    SafetyNet n = {.emergency = "911", .crisis = "988", .clinic = ""};
    return n;
}

void summary_set_safety(Summary *sum, const SafetyNet *net)
{
    if (net->emergency[0])
        snprintf(sum->safety.emergency, sizeof sum->safety.emergency, "%s", net->emergency);
    if (net->crisis[0])
        snprintf(sum->safety.crisis, sizeof sum->safety.crisis, "%s", net->crisis);
    snprintf(sum->safety.clinic, sizeof sum->safety.clinic, "%s", net->clinic);
}

/* The lists a summary can fill, each as long as the content allows. 0 or PK_ENOMEM. */
static int alloc_lists(Summary *out, const Content *c)
{
    size_t nq = c->nquestions ? c->nquestions : 1;
    size_t nf = c->nflags ? c->nflags : 1, nc = c->ncauses ? c->ncauses : 1;
    size_t na = c->nadvice ? c->nadvice : 1;
    out->answers = calloc(nq, sizeof *out->answers);
    out->urgent = calloc(nf, sizeof *out->urgent);
    out->clinician = calloc(nf, sizeof *out->clinician);
    out->context = calloc(nq, sizeof *out->context);
    out->not_answered = calloc(nq, sizeof *out->not_answered);
    out->causes = calloc(nc, sizeof *out->causes);
    out->folded = calloc(nc, sizeof *out->folded);
    out->advice = calloc(na, sizeof *out->advice);
    out->held = calloc(na, sizeof *out->held);
    out->holds = calloc(c->nholds ? c->nholds : 1, sizeof *out->holds);
    out->areas = calloc(CONTENT_MAX_OPTIONS, sizeof *out->areas);
    if (!out->answers || !out->urgent || !out->clinician || !out->context || !out->not_answered ||
        !out->causes || !out->folded || !out->advice || !out->held || !out->holds || !out->areas)
        return PK_ENOMEM;
    return 0;
}

/* An urgent flag raised by answers she changed after: what she said then, and what now,
 * after the answers it holds on now; when it holds no more (all), the answers that
 * raised it she did not change too. Without it, a "yes" she took back left the flag with
 * no "because", or only the other answer that holds it now. */
static void add_changed(const Content *c, const Session *s, size_t flag, const Answer *a,
                        SummaryFlag *sf, bool all)
{
    Evidence ev;
    Answer said[EVIDENCE_MAX];
    if (!session_raised_by(s, flag, &ev, said))
        return;
    for (size_t k = 0; k < ev.count && sf->nbecause < EVIDENCE_MAX; k++) {
        const Answer *now = &a[ev.question[k]];
        bool cited = false;
        for (size_t b = 0; b < sf->nbecause && !cited; b++)
            cited = sf->because[b].question == &c->questions[ev.question[k]];
        bool changed = memcmp(now, &said[k], sizeof said[k]) != 0;
        if (cited || (!changed && !all))
            continue; /* named already, or not changed */
        SummaryFact *fact = &sf->because[sf->nbecause++];
        fact->question = &c->questions[ev.question[k]];
        fact->answer = said[k];
        if (ev.options[k])
            fact->answer.options &= ev.options[k];
        fact->now = *now;
        fact->changed = changed;
    }
    wipe(said, sizeof said);
    wipe(&ev, sizeof ev);
}

/* The flags that hold for the answers, and every urgent flag raised on the way (even
 * when the answer was changed after). */
static void collect_flags(const Session *s, Summary *out)
{
    const Content *c = out->content;
    const Answer *a = out->answers;
    out->urgent_ack = (UrgentAck)session_urgent_ack(s);
    for (size_t i = 0; i < c->nflags; i++) {
        const Flag *f = &c->flags[i];
        Evidence ev = {0};
        bool holds = rules_eval(c, f->when, a, &ev);
        bool raised = f->tier == TIER_URGENT && session_flag_raised(s, i);
        if (raised)
            out->urgent_raised = true;
        if (!holds && !raised)
            continue;
        SummaryFlag *sf = f->tier == TIER_URGENT ? &out->urgent[out->nurgent++]
                                                 : &out->clinician[out->nclinician++];
        sf->flag = f;
        if (holds)
            facts_from(c, a, &ev, sf->because, &sf->nbecause);
        if (raised)
            add_changed(c, s, i, a, sf, !holds);
        wipe(&ev, sizeof ev);
    }
}

static void collect_scores(Summary *out)
{
    const Content *c = out->content;
    const Answer *a = out->answers;
    out->pain_now = role_value(c, a, ROLE_PAIN_NOW);
    out->peg[0] = role_value(c, a, ROLE_PEG_PAIN);
    out->peg[1] = role_value(c, a, ROLE_PEG_ENJOYMENT);
    out->peg[2] = role_value(c, a, ROLE_PEG_ACTIVITY);
    out->peg_score = -1;
    if (out->peg[0] >= 0 && out->peg[1] >= 0 && out->peg[2] >= 0)
        out->peg_score = (out->peg[0] + out->peg[1] + out->peg[2]) / 3.0;
    score_phq2(out);
}

/* Where it hurts (each option chosen) and the context answers, in content order. */
static void collect_areas_context(Summary *out)
{
    const Content *c = out->content;
    const Answer *a = out->answers;
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
}

int summary_build(const Session *s, Summary *out)
{
    const Content *c = session_content(s);
    memset(out, 0, sizeof *out);
    out->lang = session_lang(s);
    out->content = c;
    out->finished = session_finished(s);
    out->created = time(NULL);
    out->safety = summary_default_safety();
    out->phq2 = -1;
    out->phq2_at_least = -1;
    if (alloc_lists(out, c) != 0) {
        summary_free(out);
        return PK_ENOMEM;
    }
    /* Only answers to questions that were asked count. */
    const Answer *given = session_answers(s);
    out->nanswers = c->nquestions;
    for (size_t i = 0; i < c->nquestions; i++)
        if (rules_question_visible(c, given, i))
            out->answers[i] = given[i];
    /* Complete: the end was reached and every question asked has an answer (a skip
     * counts; a question passed over in an answers file does not). */
    for (size_t i = 0; i < c->nquestions && out->finished; i++)
        if (rules_question_visible(c, out->answers, i) && out->answers[i].state == ANS_NONE)
            out->finished = false;

    collect_flags(s, out);
    find_missing(out);
    if (out->nurgent || out->nclinician)
        out->safety_all_no = false;
    collect_scores(out);
    collect_areas_context(out);
    pick_causes(out);
    pick_advice(s, out);
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
        wipe(sum->not_answered, c->nquestions * sizeof *sum->not_answered);
        wipe(sum->causes, c->ncauses * sizeof *sum->causes);
        wipe(sum->folded, c->ncauses * sizeof *sum->folded);
        wipe(sum->advice, c->nadvice * sizeof *sum->advice);
        wipe(sum->held, c->nadvice * sizeof *sum->held);
        wipe(sum->holds, c->nholds * sizeof *sum->holds);
        wipe(sum->areas, CONTENT_MAX_OPTIONS * sizeof *sum->areas);
    }
    free(sum->answers);
    free(sum->urgent);
    free(sum->clinician);
    free(sum->context);
    free(sum->not_answered);
    free(sum->causes);
    free(sum->folded);
    free(sum->advice);
    free(sum->held);
    free(sum->holds);
    free(sum->areas);
    wipe(sum, sizeof *sum);
}

/* One answer as words into buf (size > 0); always NUL-terminates. */
static void answer_words(const Summary *sum, const Question *q, const Answer *a, char *buf,
                         size_t size)
{
    Lang lang = sum->lang;
    buf[0] = '\0';
    if (a->state == ANS_DONT_KNOW) {
        snprintf(buf, size, "%s", content_ui(sum->content, "summary.not_sure", lang));
        return;
    }
    if (a->state == ANS_SKIPPED) {
        snprintf(buf, size, "%s", content_ui(sum->content, "summary.skipped", lang));
        return;
    }
    if (a->state != ANS_GIVEN) {
        snprintf(buf, size, "%s", content_ui(sum->content, "summary.not_answered", lang));
        return;
    }
    if (q->kind == QK_SCALE) {
        snprintf(buf, size, "%d", a->value);
        return;
    }
    size_t n = 0;
    for (size_t o = 0; o < q->noptions && n + 1 < size; o++) {
        if (!(a->options & (1u << o)))
            continue;
        int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
                         lang_text(&q->options[o].label, lang));
        if (w < 0)
            break;
        n += (size_t)w < size - n ? (size_t)w : size - n - 1;
    }
}

const char *summary_answer_text(const Summary *sum, const SummaryFact *f, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    answer_words(sum, f->question, &f->answer, buf, size);
    if (f->changed) {
        size_t n = strlen(buf);
        /* the text carries its own joiner: ", then changed to", "; después lo cambió a" */
        int w = snprintf(buf + n, size - n, "%s ",
                         content_ui(sum->content, "summary.changed_to", sum->lang));
        n += w < 0 ? 0 : (size_t)w < size - n ? (size_t)w : size - n - 1;
        if (n + 1 < size)
            answer_words(sum, f->question, &f->now, buf + n, size - n);
    }
    return buf;
}

_Static_assert(sizeof((SafetyNet *)0)->clinic - 1 <= CONTENT_SAFETY_NUMBER &&
                   sizeof((SafetyNet *)0)->emergency - 1 <= CONTENT_SAFETY_NUMBER &&
                   sizeof((SafetyNet *)0)->crisis - 1 <= CONTENT_SAFETY_NUMBER,
               "the content check counts each number as CONTENT_SAFETY_NUMBER bytes");

static const char *const safety_keys[] = {"safety.emergency", "safety.crisis", "safety.clinic"};

size_t summary_safety_count(const Summary *sum)
{
    (void)sum;
    return sizeof safety_keys / sizeof safety_keys[0];
}

/* Copies src into buf with {emergency}, {crisis} and {clinic} filled in. */
static void fill_numbers(const Summary *sum, const char *src, char *buf, size_t size)
{
    static const char *const names[] = {"{emergency}", "{crisis}", "{clinic}"};
    const char *values[] = {sum->safety.emergency, sum->safety.crisis, sum->safety.clinic};
    size_t n = 0;
    buf[0] = '\0';
    while (*src && n + 1 < size) {
        size_t k = 0;
        while (k < 3 && strncmp(src, names[k], strlen(names[k])) != 0)
            k++;
        if (k < 3) {
            int w = snprintf(buf + n, size - n, "%s", values[k]);
            n += w > 0 ? ((size_t)w < size - n ? (size_t)w : size - n - 1) : 0;
            src += strlen(names[k]);
        } else {
            buf[n++] = *src++;
            buf[n] = '\0';
        }
    }
}

const char *summary_safety_line(const Summary *sum, size_t i, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (i >= summary_safety_count(sum))
        return buf;
    const char *key = safety_keys[i];
    if (i == 2 && !sum->safety.clinic[0])
        key = "safety.clinic_no_phone";
    fill_numbers(sum, content_ui(sum->content, key, sum->lang), buf, size);
    return buf;
}

const char *summary_no_flags_text(const Summary *sum)
{
    /* a stopped interview never asked the questions that raise the later flags */
    return content_ui(sum->content,
                      sum->nnot_answered || !sum->finished ? "summary.none_given" : "summary.none",
                      sum->lang);
}

const char *summary_missing_text(const Summary *sum, const SummaryMissing *m)
{
    static const char *const keys[] = {
        [MISSING_NOT_ASKED] = "summary.not_answered",
        [MISSING_SKIPPED] = "summary.skipped",
        [MISSING_UNSURE] = "summary.not_sure",
    };
    return content_ui(sum->content, keys[m->why], sum->lang);
}

bool summary_advice_shown(const Summary *sum, const Advice *a)
{
    for (size_t i = 0; i < sum->ntop; i++)
        if (sum->top[i] == a)
            return true;
    for (size_t i = 0; i < sum->nadvice; i++)
        if (sum->advice[i] == a)
            return true;
    return false;
}

bool summary_caution_shown(const Summary *sum, const Advice *a)
{
    return a->caution.s[LANG_EN] && rules_eval(sum->content, a->caution_when, sum->answers, NULL);
}

const char *summary_tier_name(FlagTier tier)
{
    return tier == TIER_URGENT ? "urgent" : "today";
}
