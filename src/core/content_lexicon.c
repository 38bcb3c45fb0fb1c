/* Reads ui.json (interface strings) and lexicon.json (numbers, yes/no, commands,
 * filler words) into the content. */
#include <stdio.h>
#include <string.h>

#include "content_load.h"
#include "ui_keys.h"

/* ---- ui.json, lexicon.json ---- */

void cload_ui(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"ui", NULL};
    const JsonValue *ui = json_get(root, "ui");
    if (!cload_object(L, root, "ui.json", top))
        return;
    if (!ui || ui->type != JSON_OBJECT) {
        cload_error(L, ui ? ui : root, "expected \"ui\": { \"key\": {\"en\": ..., \"es\": ...} }");
        return;
    }
    if (ui->count > CONTENT_MAX_ENTRIES) {
        cload_error(L, ui, "\"ui\" has %zu strings; at most %d are allowed", ui->count,
                    CONTENT_MAX_ENTRIES);
        return;
    }
    struct ContentPrivate *p = L->c->priv;
    p->ui_keys = cload_alloc(L, (ui->count + 1) * sizeof *p->ui_keys);
    p->ui_texts = cload_alloc(L, (ui->count + 1) * sizeof *p->ui_texts);
    if (!p->ui_keys || !p->ui_texts)
        return;
    for (size_t i = 0; i < ui->count; i++) {
        char what[160];
        snprintf(what, sizeof what, "ui string \"%.100s\"", ui->members[i].key);
        p->ui_keys[i] = cload_strdup(L, ui->members[i].key);
        cload_text_value(L, ui->members[i].value, what, &p->ui_texts[i]);
        /* keys are unique: the JSON reader refuses duplicate keys */
        if (p->ui_keys[i] && strmap_add(&p->ui_map, p->ui_keys[i], (int)i, NULL) < 0)
            L->nomem = true;
    }
    p->nui = ui->count;
    for (size_t k = 0; k < ui_required_nkeys; k++)
        if (!json_get(ui, ui_required_keys[k]))
            cload_error(L, ui, "ui string \"%s\" is missing (the program uses it)",
                        ui_required_keys[k]);
    for (size_t k = 0; k < ui_key_ncaps; k++) {
        const JsonValue *v = json_get(ui, ui_key_caps[k].key);
        for (int lang = 0; v && v->type == JSON_OBJECT && lang < LANG_COUNT; lang++) {
            const JsonValue *t = json_get(v, lang_code((Lang)lang));
            if (t && t->type == JSON_STRING && strlen(t->string) > ui_key_caps[k].max_bytes)
                cload_error(L, t,
                            "ui string \"%s\" (%s) is %zu bytes; a navigation label may have "
                            "%zu (the row must fit one line on a 7-inch screen)",
                            ui_key_caps[k].key, lang_code((Lang)lang), strlen(t->string),
                            ui_key_caps[k].max_bytes);
        }
    }
}

/* The required member key of lexicon.json, or NULL after reporting it missing. */
static const JsonValue *lexicon_member(Loader *L, const JsonValue *root, const char *key)
{
    const JsonValue *v = json_get(root, key);
    if (!v)
        cload_error(L, root, "lexicon.json has no \"%s\"", key);
    return v;
}

/* "numbers": {"en": [[...] x 11], "es": ...}: the phrases for 0 to 10. */
static void load_numbers(Loader *L, const JsonValue *root, Lexicon *lx)
{
    static const char *const langs[] = {"en", "es", NULL};
    const JsonValue *nums = lexicon_member(L, root, "numbers");
    if (!nums || !cload_object(L, nums, "numbers", langs))
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        const JsonValue *arr = json_get(nums, lang_code(l));
        if (!arr || arr->type != JSON_ARRAY || arr->count != 11) {
            cload_error(L, arr ? arr : nums,
                        "numbers (%s): needs eleven lists of words, for 0 to 10", lang_name(l));
            continue;
        }
        for (int n = 0; n <= 10; n++) {
            char what[64];
            snprintf(what, sizeof what, "numbers (%s) %d", lang_name(l), n);
            cload_phrase_list(L, arr->items[n], what, &lx->numbers[n][l], &lx->nnumbers[n][l]);
        }
    }
}

/* "commands": {"repeat": {"en": [...], "es": [...]}, ...}, every command required. */
static void load_commands(Loader *L, const JsonValue *root, Lexicon *lx)
{
    static const char *const cmd_keys[] = {"repeat",     "go_back", "skip", "dont_know", "help",
                                           "start_over", "start",   "done", NULL};
    const JsonValue *cmds = lexicon_member(L, root, "commands");
    if (!cmds || !cload_object(L, cmds, "commands", cmd_keys))
        return;
    for (int k = 0; k < CMD_COUNT; k++) {
        const JsonValue *v = json_get(cmds, cmd_keys[k]);
        char what[64];
        snprintf(what, sizeof what, "command \"%s\"", cmd_keys[k]);
        if (!v)
            cload_error(L, cmds, "commands: \"%s\" is missing", cmd_keys[k]);
        else
            cload_phrases(L, v, what, true, lx->commands[k], lx->ncommands[k]);
    }
}

void cload_lexicon(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"numbers", "yes",          "no",     "commands",
                                      "filler",  "scale_suffix", "affirm", NULL};
    if (!cload_object(L, root, "lexicon.json", top))
        return;
    Lexicon *lx = &L->c->lexicon;
    load_numbers(L, root, lx);
    struct {
        const char *key;
        const char *const **out;
        size_t *n;
    } lists[] = {
        {"yes", lx->yes, lx->nyes},          {"no", lx->no, lx->nno},
        {"filler", lx->filler, lx->nfiller}, {"scale_suffix", lx->scale_suffix, lx->nscale_suffix},
        {"affirm", lx->affirm, lx->naffirm},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const JsonValue *v = lexicon_member(L, root, lists[i].key);
        if (v)
            cload_phrases(L, v, lists[i].key, i < 2, lists[i].out, lists[i].n);
    }
    load_commands(L, root, lx);
}
