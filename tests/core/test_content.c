/* Content validation: every class of content error is reported with its file, line and
 * a message that says what is wrong; all problems come out of one run. Each row edits
 * one file of the small fixture content and names the problem expected. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/content.h"
#include "core/error.h"
#include "core/rules.h"
#include "testutil.h"

typedef struct {
    const char *file;    /* fixture file to edit */
    const char *find;    /* text replaced (first occurrence) */
    const char *replace; /* with this; NULL deletes the file */
    int line;            /* expected line of the message, 0: any */
    const char *message; /* expected part of the message */
} ErrorCase;

/* 40 and 480 bytes of text, for strings that must be too long */
#define TEXT40 "Tell the front desk now, please, today. "
#define TEXT480 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40 TEXT40
#define TEXT2400 TEXT480 TEXT480 TEXT480 TEXT480 TEXT480

/* a phrase of 121 words, and nine of them: 1,089 words */
#define WORDS10 "x x x x x x x x x x "
#define PHRASE121                                                                                  \
    "\"" WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10 WORDS10   \
        WORDS10 "x\""
#define PHRASES9                                                                                   \
    PHRASE121 ", " PHRASE121 ", " PHRASE121 ", " PHRASE121 ", " PHRASE121 ", " PHRASE121           \
              ", " PHRASE121 ", " PHRASE121 ", " PHRASE121

static const ErrorCase cases[] = {
    /* malformed files */
    {"questions.json", "\"kind\": \"yesno\",", "\"kind\": \"yesno\"", 2, "expected ',' or '}'"},
    {"causes.json", "\"es\": \"Hormonas\"}", "\"es\": \"Hormonas\",}", 2, "trailing comma"},
    {"flags.json", "\"tier\": \"urgent\"", "\"tier\": \"urgent\", \"tier\": \"x\"", 2,
     "duplicate key"},
    {"advice.json", "Walk a little", "Walk a \x01little", 4, "control character"},
    {"flags.json", NULL, NULL, 0, "file is missing"},
    /* unknown names in rules */
    {"causes.json", "\"q\": \"birth\"", "\"q\": \"bith\"", 4, "unknown question \"bith\""},
    {"causes.json", "\"equals\": \"recent\"", "\"equals\": \"recnt\"", 4,
     "has no option \"recnt\""},
    {"causes.json", "\"includes_any\": [\"knee_left\"", "\"includes_any\": [\"knee_lft\"", 4,
     "has no option \"knee_lft\""},
    {"causes.json", "{\"q\": \"birth\", \"equals\"", "{\"q\": \"birth\", \"includes\"", 4,
     "includes is for several-answer questions"},
    {"flags.json", "{\"q\": \"pain\", \"at_least\": 8}", "{\"q\": \"birth\", \"at_least\": 8}", 5,
     "at_least is for 0-10 questions"},
    {"flags.json", "\"equals\": \"yes\"}", "\"equals\": \"maybe\"}", 3, "has no option \"maybe\""},
    {"causes.json", "{\"all\":", "{\"every\":", 4, "unknown condition \"every\""},
    /* a navigation label too long for one row at 800x480 (30 bytes took two rows) */
    {"ui.json", "\"ES button.back\"", "\"ES Volver a la pregunta de antes\"", 161,
     "\"button.back\" (es) is 32 bytes; a navigation label may have 24"},
    {"advice.json", "\"at_least\": 7", "\"unknown\": false", 7, "unknown takes true"},
    /* a flag or a show_if is decided before the later questions are reached */
    {"flags.json", "{\"q\": \"pain\", \"at_least\": 8}", "{\"q\": \"pain\", \"unknown\": true}", 5,
     "unknown is for holds, causes and advice"},
    {"questions.json", "\"equals\": \"recent\"}}", "\"unknown\": true}}", 27,
     "unknown is for holds, causes and advice"},
    {"advice.json", "\"at_least\": 7", "\"unknown\": 1", 7, "unknown takes true"},
    {"questions.json", "\"show_if\": {\"q\": \"birth\"", "\"show_if\": {\"q\": \"pain\"", 27,
     "may only depend on questions asked before"},
    /* duplicate ids */
    {"questions.json", "\"id\": \"where\"", "\"id\": \"birth\"", 14, "duplicate question id"},
    {"questions.json", "\"id\": \"long_ago\"", "\"id\": \"recent\"", 11, "duplicate option id"},
    /* an option may not take a screen button's id (fifteenth audit) */
    {"questions.json", "\"id\": \"long_ago\"", "\"id\": \"skip\"", 11,
     "\"skip\" is the id of a screen's own button"},
    {"questions.json", "\"id\": \"long_ago\"", "\"id\": \"ui_chip_x\"", 11,
     "is the id of a screen's own button"},
    {"advice.json", "\"id\": \"rest\"", "\"id\": \"walk\"", 5, "duplicate advice id \"walk\""},
    /* missing strings */
    {"questions.json", ", \"es\": \"¿Dónde?\"}", "}", 15, "Spanish text (\"es\") is missing"},
    {"causes.json", "\"en\": \"Hormones may loosen joints.\", ", "", 3,
     "English text (\"en\") is missing"},
    {"advice.json",
     "\"how\": {\"en\": \"Rest when pain is bad.\", \"es\": \"Descanse si el "
     "dolor es fuerte.\"},",
     "", 5, "has no \"how\" text"},
    {"ui.json", "\"button.back\"", "\"button.bak\"", 0, "ui string \"button.back\" is missing"},
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"\"", 11, "non-empty string"},
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \" \\n \"", 11, "non-empty string"},
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"\xc2\xa0\xe2\x80\x8b\\u3000\"", 11,
     "non-empty string"},
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"Hace\xcc\x81\xcc\x88\\u0301 mucho\"",
     11, "more than two accents"},
    /* voice phrases */
    {"questions.json", "\"say\": {\"en\": [\"long ago\"], \"es\": [\"hace mucho\"]}",
     "\"region\": \"x\"", 11, "has no voice phrases"},
    {"questions.json", "\"say\": {\"en\": [\"long ago\"]", "\"say\": {\"en\": []", 12,
     "needs at least one phrase"},
    {"questions.json", "[\"long ago\"]", "[\"recently\"]", 11, "listed for both"},
    {"questions.json", "\"lately\"", "\"skip\"", 9, "is also the command \"skip\""},
    {"questions.json", "\"lately\"", "\"my\"", 9, "filler word"},
    {"lexicon.json", "\"nope\"", "\"yeah\"", 0, "is both yes and no"},
    {"lexicon.json", "\"affirm\": {\n  \"en\": [\n   \"about\"",
     "\"affirm\": {\n  \"en\": [\n   \"hurts\"", 0, "affirm word \"hurts\" is not a filler word"},
    {"advice.json", "Walk a little each day.",
     "Walk a little each day, and then a little more the next day, and more again the day "
     "after that, until walking feels easy.",
     4, "keep it to one line"},
    /* numbers out of range, wrong values */
    {"advice.json", "\"at_least\": 7", "\"at_least\": 11", 7, "whole number from 0 to 10"},
    {"flags.json", "\"at_least\": 8", "\"at_least\": 7.5", 5, "whole number from 0 to 10"},
    {"questions.json", "\"max\": 10", "\"max\": 12", 23, "\"max\" must be 10"},
    /* a question's code goes into every export as it is: a 1 MB one loaded (#13) */
    {"questions.json", "\"role\": \"pain_now\",",
     "\"role\": \"pain_now\", \"code\": \"123456789-123456789-123456789-123\",", 23,
     "\"code\" must be a code as LOINC writes them"},
    {"questions.json", "\"role\": \"pain_now\",", "\"role\": \"pain_now\", \"code\": \"\",", 23,
     "\"code\" must be"},
    {"questions.json", "\"role\": \"pain_now\",", "\"role\": \"pain_now\", \"code\": \"7251 4-3\",",
     23, "\"code\" must be"},
    {"questions.json", "\"role\": \"pain_now\",", "\"role\": \"pain_now\", \"code\": 72514,", 23,
     "\"code\" must be"},
    {"questions.json", "\"kind\": \"multi\"", "\"kind\": \"several\"", 14, "\"kind\" must be"},
    {"questions.json", "\"role\": \"context\"", "\"role\": \"contxt\"", 5, "unknown role"},
    {"flags.json", "\"tier\": \"clinician\"", "\"tier\": \"soon\"", 4, "\"tier\" must be"},
    {"questions.json", "\"show_if\"", "\"show_iff\"", 27, "unknown field \"show_iff\""},
    /* an unknown field names its entry by id when it has one (fifteenth audit) */
    {"questions.json", "\"role\": \"red_flag\",", "\"role\": \"red_flag\", \"z0\": 1,", 2,
     "question \"urgent_q\": unknown field \"z0\""},
    {"questions.json", "\"id\": \"urgent_q\"", "\"id\": \"Urgent Q\"", 2, "\"id\" must be"},
    {"flags.json", ",\n   \"when\": {\"q\": \"urgent_q\", \"equals\": \"yes\"}", "", 2,
     "has no rule"},
    {"questions.json", "\"role\": \"areas\"", "\"role\": \"pain_now\"", 14,
     "needs a scale question"},
    /* entries that are not objects (once a crash: a NULL id reached strcmp) */
    {"questions.json", "{\"questions\": [", "{\"questions\": [1, {\"id\": \"a\"}, ", 1,
     "question 1 must be an object"},
    {"questions.json", "{\"questions\": [", "{\"questions\": [1, {\"id\": \"a\"}, ", 1,
     "question \"a\" has no \"text\""},
    {"questions.json", "{\"questions\": [", "{\"questions\": [null, \"x\", [], ", 1,
     "question 3 must be an object"},
    {"questions.json", "\"show_if\": {", "\"show_if\": 7, \"x\": {", 27,
     "question \"pain\" show_if"},
    {"causes.json", "{\"causes\": [", "{\"causes\": [1, {\"id\": \"a\"}, ", 1,
     "cause 1 must be an object"},
    {"advice.json", "{\"groups\": [", "{\"groups\": [2, ", 1, "advice group must be an object"},
    {"advice.json", " \"advice\": [", " \"advice\": [true, {\"id\": \"b\"}, ", 2,
     "advice 1 must be an object"},
    {"flags.json", "{\"flags\": [", "{\"flags\": [1, {\"id\": \"a\"}, ", 1,
     "flag 1 must be an object"},
    /* control characters, which reached the terminal of the text interview as they were */
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"Hace \\u001b[2J mucho\"", 11,
     "the Spanish text holds a control character (U+001B)"},
    {"ui.json", "\"EN attract.title\"", "\"EN\\rattract.title\"", 8,
     "holds a control character (U+000D)"},
    {"advice.json", "Walk a little", "Walk a\\tlittle", 4, "control character (U+0009)"},
    {"causes.json", "Hormones may", "Hormones\\u007f may", 3, "control character (U+007F)"},
    {"questions.json", "\"es\": \"Hace mucho\"",
     "\"es\": \"Hace \xc2\x9b"
     "2J mucho\"",
     11, "control character (U+009B)"},
    /* characters no font shows: noncharacters and private use (fifteenth audit) */
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"Hace \\uffffmucho\"", 11,
     "the Spanish text holds a character no font shows (U+FFFF)"},
    {"causes.json", "Hormones may", "Hormones\\ufdd0 may", 3, "no font shows (U+FDD0)"},
    {"advice.json", "Walk a little", "\\ue000Walk a little", 4, "no font shows (U+E000)"},
    {"ui.json", "\"EN attract.title\"", "\"EN\\udbff\\udfffattract.title\"", 8,
     "no font shows (U+10FFFF)"},
    /* invisible formatting characters, which hide or reorder what a text says */
    {"questions.json", "\"es\": \"Hace mucho\"", "\"es\": \"Hace \\u202emucho\"", 11,
     "the Spanish text holds an invisible formatting character (U+202E)"},
    {"causes.json", "Hormones may", "Hormones\xe2\x80\x8b may", 3,
     "invisible formatting character (U+200B)"},
    {"advice.json", "Walk a little", "\xef\xbb\xbfWalk a little", 4,
     "invisible formatting character (U+FEFF)"},
    {"ui.json", "\"EN attract.title\"", "\"EN\\u2066attract.title\"", 8,
     "invisible formatting character (U+2066)"},
    {"causes.json", "Hormones may", "Hormones\\u061c may", 3,
     "invisible formatting character (U+061C)"},
    /* twelfth audit (#13): the rest of what a renderer shows as nothing passed, a text
     * of a soft hyphen alone among them (a question that showed no words) */
    {"causes.json", "Hormones may loosen joints.", "\\u00ad", 3,
     "invisible formatting character (U+00AD)"},
    {"causes.json", "Hormones may", "Hormones\\u180e may", 3,
     "invisible formatting character (U+180E)"},
    {"causes.json", "Hormones may", "Hormones\\u2028may", 3,
     "invisible formatting character (U+2028)"},
    {"causes.json", "Hormones may", "Hormones\\u206A may", 3,
     "invisible formatting character (U+206A)"},
    {"advice.json", "Walk a little", "Walk a\xcd\x8f little", 4,
     "invisible formatting character (U+034F)"},
    {"advice.json", "Walk a little", "Walk a\xe3\x85\xa4little", 4,
     "invisible formatting character (U+3164)"},
    {"advice.json", "Walk a little", "Walk a little\xef\xb8\x8f", 4,
     "invisible formatting character (U+FE0F)"},
    {"ui.json", "\"EN attract.title\"", "\"EN\\udb40\\udc41attract.title\"", 8,
     "invisible formatting character (U+E0041)"}, /* a tag character: hidden ASCII */
    {"ui.json", "\"EN attract.title\"", "\"EN\xf3\xa0\x87\xaf attract.title\"", 8,
     "invisible formatting character (U+E01EF)"},
    {"causes.json", "Hormones may", "Hormones\\ufff9 may", 3,
     "invisible formatting character (U+FFF9)"},
    /* a text no screen could show: a 500 KB question loaded (tenth audit, #13) */
    {"causes.json", "Hormones may", TEXT2400 "Hormones may", 3,
     "the English text takes 2427 bytes (at most 2000)"},
    /* entries with no id or a wrong one (a NULL id reached the duplicate check) */
    {"causes.json", "{\"causes\": [", "{\"causes\": [{}, ", 1, "cause 1 has no \"id\""},
    {"flags.json", "{\"flags\": [", "{\"flags\": [{\"id\": 7}, ", 1,
     "flag 1: \"id\" must be lower-case"},
    {"advice.json", " \"advice\": [", " \"advice\": [{\"id\": \"B\"}, ", 2,
     "advice 1: \"id\" must be lower-case"},
    {"advice.json", "{\"groups\": [", "{\"groups\": [{}, ", 1, "advice group has no \"id\""},
    /* text that is not UTF-8 */
    {"advice.json", "Walk a little", "Walk a \xC3little", 4, "invalid UTF-8"},
    {"ui.json", "\"ui\": {", "\"ui\": {\"x\xFF\": 1, ", 2, "invalid UTF-8"},
    /* a phrase too long to normalise was cut to its first 255 bytes, and matched so */
    {"questions.json", "\"long ago\"",
     "\"long ago long ago long ago long ago long ago long ago long ago long ago long ago long "
     "ago long ago long ago long ago long ago long ago long ago long ago long ago long ago long "
     "ago long ago long ago long ago long ago long ago long ago long ago long ago and then some\"",
     12, "a phrase is longer than 255 bytes"},
    /* a yes or no phrase that is also a command or a filler word: the command ran instead
     * of the answer, and a hesitation answered a red flag */
    {"lexicon.json", "   \"yes\",\n   \"yeah\"", "   \"yes\",\n   \"skip\"", 0,
     "the English yes phrase \"skip\" is also the command \"skip\""},
    {"lexicon.json", "   \"sí\"\n", "   \"sí\", \"y\"\n", 0,
     "the Spanish yes phrase \"y\" is a filler word"},
    /* seventh audit (#13): a number phrase, and a yes/no question's "unsure" phrase, that
     * is a filler word or a command: "um" as zero answered 0 to the pain now, "um" as
     * unsure "Not sure" to a red flag, "yes" as unsure left a yes not understood */
    {"lexicon.json", "    \"zero\"\n", "    \"zero\", \"my\"\n", 0,
     "the English phrase \"my\" for 0 is a filler word"},
    {"lexicon.json", "    \"two\"\n", "    \"two\", \"skip\"\n", 0,
     "the English phrase \"skip\" for 2 is also the command \"skip\""},
    {"questions.json", "\"kind\": \"yesno\",",
     "\"kind\": \"yesno\", \"unsure\": {\"en\": [\"my\"], \"es\": [\"quizás\"]},", 2,
     "option \"not_sure\": the English phrase \"my\" is a filler word"},
    {"questions.json", "\"kind\": \"yesno\",",
     "\"kind\": \"yesno\", \"unsure\": {\"en\": [\"skip\"], \"es\": [\"quizás\"]},", 2,
     "option \"not_sure\": the English phrase \"skip\" is also the command \"skip\""},
    {"questions.json", "\"kind\": \"yesno\",",
     "\"kind\": \"yesno\", \"unsure\": {\"en\": [\"yes\"], \"es\": [\"quizás\"]},", 2,
     "the English phrase \"yes\" is listed for both \"yes\" and \"not_sure\""},
    /* ninth audit (#13): a phrase of digits alone took the place of the numbered answer:
     * "1" as a no phrase answered No when the first answer (Yes) was typed as "1" */
    {"lexicon.json", "   \"no\",\n   \"nope\"", "   \"no\",\n   \"1\"", 0,
     "phrase \"1\" is digits alone"},
    {"questions.json", "\"long ago\"", "\"long ago\", \"2 1\"", 12,
     "phrase \"2 1\" is digits alone"},
    /* a phrase is of English or Spanish letters: the interpreter keeps any other
     * character in its word (seventh audit, #13) */
    {"questions.json", "\"lately\"", "\"lately \xf0\x9f\x91\x8d\"", 10,
     "has a character that is not a letter of English or Spanish"},
    /* the speech grammars' words are bounded: a 380 KB lexicon took the voice 930 MB to
     * start, a 400 KB question 570 MB (seventh audit, #13) */
    {"questions.json", "\"lately\"", PHRASES9, 0,
     "question \"birth\": its English phrases have 1092 words (at most 1000)"},
    {"lexicon.json", "    \"skip\"\n", "    \"skip\", " PHRASES9 "\n", 0,
     "the English phrases have"},
    /* and a phrase listed for two commands ran the first one (seventh audit, #13) */
    {"lexicon.json", "    \"skip\"\n", "    \"skip\", \"help\"\n", 0,
     "the English phrase \"help\" is both the command \"skip\" and \"help\""},
    /* the urgent screen's line of what to do when no one is at the desk, numbers filled
     * in, and its text before it fit the screen's buffers: a 968-byte urgent.body passed,
     * and the urgent screen lost the crisis number */
    {"ui.json", "EN urgent.no_one", TEXT480 "call {emergency} or {crisis}", 0,
     "\"urgent.no_one\" (en) takes up to"},
    {"ui.json", "ES urgent.body", TEXT480 TEXT40, 0, "\"urgent.body\" (es) takes 520 bytes"},
    /* control characters (escaped in JSON) are shown as '?': a message is one line, and
     * the terminal would act on an ESC or a CSI */
    {"flags.json", "\"tier\": \"urgent\"", "\"tier\": \"urgent\", \"\\u001b[2Jx\\r\": 1", 2,
     "unknown field \"?[2Jx?\""},
    {"flags.json", "\"tier\": \"urgent\"", "\"tier\": \"urgent\", \"\\u009b2Jx\": 1", 2,
     "unknown field \"?2Jx\""},
};

static char tmpdir[256];

static void copy_fixture(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/content-XXXXXX", TEST_TMP_DIR);
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    static const char *const files[] = {"questions.json", "causes.json", "advice.json",
                                        "flags.json",     "ui.json",     "lexicon.json"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char src[512], dst[512];
        snprintf(src, sizeof src, "%s/%s", test_fixture_dir(), files[i]);
        snprintf(dst, sizeof dst, "%s/%s", tmpdir, files[i]);
        FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
        ck_assert_ptr_nonnull(in);
        ck_assert_ptr_nonnull(out);
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        fclose(in);
        fclose(out);
    }
}

static void remove_fixture(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static void edit(const char *file, const char *find, const char *replace)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, file);
    if (!replace) {
        ck_assert_int_eq(unlink(path), 0);
        return;
    }
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *at = strstr(buf, find);
    ck_assert_msg(at != NULL, "fixture %s has no '%s'", file, find);
    f = fopen(path, "wb");
    fwrite(buf, 1, (size_t)(at - buf), f);
    fputs(replace, f);
    fputs(at + strlen(find), f);
    fclose(f);
}

START_TEST(fixture_is_valid)
{
    Content *c;
    Diags d = {0};
    int rc = content_load(test_fixture_dir(), &c, &d);
    diags_print(&d, stderr);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(c->nquestions, 4);
    ck_assert_int_eq(content_question_index(c, "pain"), 3);
    ck_assert_str_eq(content_ui(c, "button.back", LANG_ES), "ES button.back");
    content_free(c);
    diags_free(&d);
}
END_TEST

/* Whether a question could be asked, with show_if of two answers, one of them not
 * known: a known answer that rules it out says no (the unknown one once made it "could
 * be", so a C-section question was listed and held advice after a vaginal birth). */
START_TEST(could_be_asked_with_one_answer_unknown)
{
    static const struct {
        AnswerState urgent, birth; /* urgent_q: yes or no when given; birth: recent */
        bool urgent_yes, reached_unknown, want;
    } rows[] = {
        {ANS_GIVEN, ANS_SKIPPED, false, false, false},  /* no rules it out */
        {ANS_GIVEN, ANS_SKIPPED, true, false, true},    /* yes: birth decides, not known */
        {ANS_GIVEN, ANS_GIVEN, true, false, true},      /* both known: asked */
        {ANS_GIVEN, ANS_NONE, true, false, false},      /* not reached is known... */
        {ANS_GIVEN, ANS_NONE, true, true, true},        /* ...unless asked to count it */
        {ANS_DONT_KNOW, ANS_GIVEN, false, false, true}, /* the other one not known */
    };
    copy_fixture();
    edit("questions.json", "\"show_if\": {\"q\": \"birth\", \"equals\": \"recent\"}",
         "\"show_if\": {\"all\": [{\"q\": \"birth\", \"equals\": \"recent\"}, "
         "{\"q\": \"urgent_q\", \"equals\": \"yes\"}]}");
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(tmpdir, &c, &d);
    diags_print(&d, stderr);
    ck_assert_int_eq(rc, 0);
    int u = content_question_index(c, "urgent_q"), b = content_question_index(c, "birth");
    int p = content_question_index(c, "pain");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        Answer a[4] = {{0}};
        a[u].state = rows[i].urgent;
        a[u].options =
            1u << content_option_index(&c->questions[u], rows[i].urgent_yes ? "yes" : "no");
        a[b].state = rows[i].birth;
        a[b].options = 1u << content_option_index(&c->questions[b], "recent");
        ck_assert_msg(rules_question_could_be_asked(c, a, (size_t)p, rows[i].reached_unknown) ==
                          rows[i].want,
                      "row %zu", i);
    }
    content_free(c);
    diags_free(&d);
    remove_fixture();
}
END_TEST

START_TEST(each_error_is_reported)
{
    const ErrorCase *ec = &cases[_i];
    copy_fixture();
    edit(ec->file, ec->find, ec->replace);
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(tmpdir, &c, &d);
    ck_assert_int_eq(rc, PK_ECONTENT);
    ck_assert_ptr_null(c);
    bool found = false;
    for (size_t i = 0; i < d.count && !found; i++) {
        const Diag *g = &d.items[i];
        const char *base = strrchr(g->file, '/');
        found = strstr(g->msg, ec->message) && base && strcmp(base + 1, ec->file) == 0 &&
                (ec->line == 0 || g->line == ec->line);
    }
    if (!found)
        diags_print(&d, stderr);
    ck_assert_msg(found, "row %d: no '%s' at %s:%d", _i, ec->message, ec->file, ec->line);
    diags_free(&d);
    remove_fixture();
}
END_TEST

/* The one problem reported for file in tmpdir, which must contain message. */
static void expect_problem(const char *file, const char *message)
{
    Content *c = NULL;
    Diags d = {0};
    ck_assert_int_eq(content_load(tmpdir, &c, &d), PK_ECONTENT);
    bool found = false;
    for (size_t i = 0; i < d.count && !found; i++) {
        const char *base = strrchr(d.items[i].file, '/');
        found = strstr(d.items[i].msg, message) && base && strcmp(base + 1, file) == 0;
    }
    if (!found)
        diags_print(&d, stderr);
    ck_assert_msg(found, "no '%s' for %s", message, file);
    diags_free(&d);
}

static void fixture_path(const char *file, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", tmpdir, file);
    ck_assert_int_eq(unlink(path), 0);
}

/* A content file that is not a regular file is refused with its reason, at once: a
 * FIFO does not block, a device does not fill the memory. */
START_TEST(only_regular_files_are_read)
{
    static const struct {
        const char *file, *message;
    } rows[] = {
        {"questions.json", "is a named pipe (FIFO), not a file"},
        {"ui.json", "is a device, not a file"},
        {"causes.json", "is a directory, not a file"},
        {"flags.json", "file is too large (at most 1048576 bytes)"},
        /* open(2) fails on a socket with ENXIO, which once read "is a named pipe" */
        {"advice.json", "is a socket, not a file"},
    };
    const char *file = rows[_i].file;
    char path[512];
    copy_fixture();
    fixture_path(file, path, sizeof path);
    if (_i == 0) {
        ck_assert_int_eq(mkfifo(path, 0600), 0);
    } else if (_i == 1) {
        ck_assert_int_eq(symlink("/dev/zero", path), 0);
    } else if (_i == 2) {
        ck_assert_int_eq(mkdir(path, 0700), 0);
    } else if (_i == 4) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        ck_assert_uint_lt(strlen(path), sizeof sa.sun_path);
        memcpy(sa.sun_path, path, strlen(path) + 1); /* fits: checked above */
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        ck_assert_int_ge(fd, 0);
        ck_assert_int_eq(bind(fd, (const struct sockaddr *)&sa, sizeof sa), 0);
        close(fd);
    } else {
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        fputs("{\"flags\": [], \"x\": \"", f);
        for (int i = 0; i < 1100000; i++)
            fputc('a', f);
        fputs("\"}", f);
        fclose(f);
    }
    expect_problem(file, rows[_i].message);
    if (_i == 2)
        ck_assert_int_eq(rmdir(path), 0);
    remove_fixture();
}
END_TEST

/* A file that cannot be read stops the loading of the files after it: its one problem
 * is reported, not every rule of the later files that names a question it holds (a NUL
 * byte in questions.json read as 96 problems of the real content). The later files are
 * still checked for syntax. */
START_TEST(unreadable_file_is_the_one_problem)
{
    copy_fixture();
    edit("questions.json", "\"questions\"", "\"quest\xFFions\"");
    Content *c = NULL;
    Diags d = {0};
    ck_assert_int_eq(content_load(tmpdir, &c, &d), PK_ECONTENT);
    if (d.count != 1)
        diags_print(&d, stderr);
    ck_assert_uint_eq(d.count, 1);
    ck_assert_ptr_nonnull(strstr(d.items[0].msg, "invalid UTF-8"));
    diags_free(&d);
    edit("flags.json", "{\"flags\"", "{\"flags\" ");
    edit("flags.json", "]}", "],}");
    ck_assert_int_eq(content_load(tmpdir, &c, &d), PK_ECONTENT);
    ck_assert_uint_eq(d.count, 2); /* and a syntax error after it */
    ck_assert_ptr_nonnull(strstr(d.items[1].msg, "trailing comma"));
    diags_free(&d);
    remove_fixture();
}
END_TEST

/* A content folder that is not one gets one reason, not a "cannot open" for each of
 * the six files. */
START_TEST(content_dir_must_be_a_directory)
{
    static const struct {
        const char *path, *message;
    } rows[] = {
        {"/dev/null", "is a device, not a directory"},
        {NULL, "is a file, not a directory"},
        {TEST_TMP_DIR "/no-such-content-dir", "directory is missing"},
        /* eleventh audit (#13): both were "cannot open" */
        {"loop", "too many symbolic links (a loop?)"},
        {"file/content", "a part of the path is not a directory"},
    };
    char file[512], loop[512], under_file[600];
    snprintf(file, sizeof file, "%s/content-dir-%ld", TEST_TMP_DIR, (long)getpid());
    snprintf(loop, sizeof loop, "%s/content-loop-%ld", TEST_TMP_DIR, (long)getpid());
    snprintf(under_file, sizeof under_file, "%s/content", file);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    remove(loop);
    ck_assert_int_eq(symlink(loop, loop), 0);
    const char *path = !rows[_i].path                               ? file
                       : strcmp(rows[_i].path, "loop") == 0         ? loop
                       : strcmp(rows[_i].path, "file/content") == 0 ? under_file
                                                                    : rows[_i].path;
    Content *c = NULL;
    Diags d = {0};
    ck_assert_int_eq(content_load(path, &c, &d), PK_ECONTENT);
    ck_assert_uint_eq(d.count, 1);
    ck_assert_str_eq(d.items[0].file, path);
    ck_assert_str_eq(d.items[0].msg, rows[_i].message);
    diags_free(&d);
    remove(file);
    remove(loop);
}
END_TEST

/* Counts are capped and loading is linear: 20,000 entries are refused in
 * well under a second (40,000 ui keys once took 6.5 s). */
START_TEST(counts_are_capped)
{
    static const struct {
        const char *file, *head, *entry, *entry_end, *tail, *message;
    } rows[] = {
        {"ui.json", "{\"ui\": {", "\"k", "\": {\"en\": \"a\", \"es\": \"b\"}", "}}",
         "at most 500 are allowed"},
        {"flags.json", "{\"flags\": [", "{\"id\": \"f", "\"}", "]}", "at most 500 are allowed"},
        {"lexicon.json", NULL, NULL, NULL, NULL, "at most 200 phrases"},
    };
    char path[512];
    copy_fixture();
    if (rows[_i].head) {
        fixture_path(rows[_i].file, path, sizeof path);
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        fputs(rows[_i].head, f);
        for (int i = 0; i < 20000; i++) {
            fputs(i ? "," : "", f);
            fprintf(f, "%s%d%s", rows[_i].entry, i, rows[_i].entry_end);
        }
        fputs(rows[_i].tail, f);
        fclose(f);
    } else {
        char many[8192] = "\"nope\"";
        for (int i = 0; i < 300; i++)
            snprintf(many + strlen(many), sizeof many - strlen(many), ", \"n%d\"", i);
        edit("lexicon.json", "\"nope\"", many);
    }
    expect_problem(rows[_i].file, rows[_i].message);
    remove_fixture();
}
END_TEST

START_TEST(all_problems_in_one_run)
{
    copy_fixture();
    edit("causes.json", "\"q\": \"birth\"", "\"q\": \"bith\"");
    edit("flags.json", "\"tier\": \"clinician\"", "\"tier\": \"soon\"");
    edit("questions.json", ", \"es\": \"¿Dónde?\"}", "}");
    Content *c = NULL;
    Diags d = {0};
    ck_assert_int_eq(content_load(tmpdir, &c, &d), PK_ECONTENT);
    ck_assert_uint_ge(d.count, 3);
    /* printed as file:line:col: message */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    diags_print(&d, mem);
    fclose(mem);
    ck_assert_ptr_nonnull(strstr(buf, "causes.json:4:"));
    ck_assert_ptr_nonnull(strstr(buf, "flags.json:4:"));
    ck_assert_ptr_nonnull(strstr(buf, "questions.json:15:"));
    free(buf);
    diags_free(&d);
    remove_fixture();
}
END_TEST

START_TEST(real_content_is_valid)
{
    const Content *c = test_content();
    ck_assert_uint_ge(c->nquestions, 30);
    ck_assert_uint_ge(c->nflags, 20);
    /* the 13 named exercises of the clinical reference are all in the plan's content */
    size_t exercises = 0;
    for (size_t i = 0; i < c->nadvice; i++)
        exercises += strcmp(c->advice[i].group, "exercise") == 0;
    ck_assert_uint_ge(exercises, 13);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("content");
    TCase *tc = tcase_create("content");
    tcase_add_test(tc, fixture_is_valid);
    tcase_add_test(tc, could_be_asked_with_one_answer_unknown);
    tcase_add_loop_test(tc, each_error_is_reported, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, all_problems_in_one_run);
    tcase_add_loop_test(tc, only_regular_files_are_read, 0, 5);
    tcase_add_loop_test(tc, content_dir_must_be_a_directory, 0, 5);
    tcase_add_test(tc, unreadable_file_is_the_one_problem);
    tcase_add_loop_test(tc, counts_are_capped, 0, 3);
    tcase_set_timeout(tc, 10);
    tcase_add_test(tc, real_content_is_valid);
    suite_add_tcase(s, tc);
    return check_run(s);
}
