/* Reading models/voice.conf. */
#include "settings.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "../core/kv.h"
#include "asr.h"
#include "voice.h"

enum { PAD_MS_MIN = 0, PAD_MS_MAX = 2000, UTTERANCE_MS_MIN = 1000, UTTERANCE_MS_MAX = 30000 };
/* the longest utterance allowed, with its padding, is covered by the recogniser's checks
 * of the frames (the speech gate, the speech outside the words heard) */
_Static_assert((UTTERANCE_MS_MAX + PAD_MS_MAX) / 10 <= ASR_MAX_FRAMES,
               "an utterance may be longer than the frames the recogniser checks");

#define SYSTEM_MODEL "/usr/share/pocketsphinx/model/en-us"

/* KEY_PATH names a file, KEY_DIR a folder (an acoustic model) */
typedef enum { KEY_INT, KEY_FLOAT, KEY_DOUBLE, KEY_PATH, KEY_DIR, KEY_TEXT } KeyType;

typedef struct {
    const char *name;
    KeyType type;
    size_t offset;
    int lo, hi; /* KEY_INT's range when hi > 0; else 0..100000 */
} Key;

#define K(name, type, field)                                                                       \
    {                                                                                              \
        name, type, offsetof(VoiceSettings, field), 0, 0                                           \
    }
/* an integer with a range of its own: eSpeak NG would clamp what is past it, silently */
#define KR(name, field, lo, hi)                                                                    \
    {                                                                                              \
        name, KEY_INT, offsetof(VoiceSettings, field), lo, hi                                      \
    }
static const Key keys[] = {
    K("hmm", KEY_DIR, hmm),
    K("dict", KEY_PATH, dict),
    K("extra_dict", KEY_PATH, extra_dict),
    K("competitor", KEY_PATH, competitor),
    K("fallback_hmm", KEY_DIR, fallback_hmm),
    K("mdef", KEY_PATH, mdef),
    K("noisedict", KEY_PATH, noisedict),
    K("garbage_words", KEY_PATH, garbage),
    K("min_margin", KEY_DOUBLE, min_margin),
    K("sure_margin", KEY_DOUBLE, sure_margin),
    K("yesno_reject_llr", KEY_DOUBLE, yesno_reject_llr),
    K("yesno_min_margin", KEY_DOUBLE, yesno_min_margin),
    K("yesno_sure_margin", KEY_DOUBLE, yesno_sure_margin),
    K("confirm_reject_llr", KEY_DOUBLE, confirm_reject_llr),
    K("confirm_min_margin", KEY_DOUBLE, confirm_min_margin),
    K("confirm_sure_margin", KEY_DOUBLE, confirm_sure_margin),
    K("command_reject_llr", KEY_DOUBLE, command_reject_llr),
    KR("command_max_ms", command_max_ms, 100, 30000),
    K("gate_range_db", KEY_DOUBLE, gate_range_db),
    K("gate_frames", KEY_INT, gate_frames),
    K("noise_floor_db", KEY_DOUBLE, noise_floor_db),
    K("vad_start_db", KEY_FLOAT, vad.start_db),
    K("vad_end_db", KEY_FLOAT, vad.end_db),
    K("vad_min_db", KEY_FLOAT, vad.min_db),
    /* durations with a range of their own: 0 (or an hour) leaves the voice deaf, as
     * max_utterance_ms = 0 did (every utterance was past it) */
    KR("vad_start_frames", vad.start_frames, 1, 100),
    KR("vad_end_frames", vad.end_frames, 1, 1000),
    KR("vad_calibrate_frames", vad.calibrate_frames, 0, 1000),
    KR("pad_ms", pad_ms, PAD_MS_MIN, PAD_MS_MAX),
    KR("max_utterance_ms", max_utterance_ms, UTTERANCE_MS_MIN, UTTERANCE_MS_MAX),
    KR("no_speech_ms", no_speech_ms, 100, 600000),
    KR("tail_ms", tail_ms, 0, 5000),
    KR("min_speech_ms", min_speech_ms, 0, 5000),
    K("reject_llr", KEY_DOUBLE, reject_llr),
    K("sure_llr", KEY_DOUBLE, sure_llr),
    K("max_unexplained", KEY_DOUBLE, max_unexplained),
    KR("max_clipped_permille", max_clipped, 0, 1000),
    K("multi_llr_bonus", KEY_DOUBLE, multi_llr_bonus),
    K("grammar_fillers", KEY_TEXT, fillers),
    KR("rate_wpm", rate_wpm, 80, 450),
    KR("volume", volume, 0, 100),
};
#undef K
#undef KR

static void set_defaults(VoiceSettings *s)
{
    memset(s, 0, sizeof *s);
    snprintf(s->hmm, sizeof s->hmm, "%s", SYSTEM_MODEL "/en-us");
    snprintf(s->dict, sizeof s->dict, "%s", SYSTEM_MODEL "/cmudict-en-us.dict");
    s->vad = vad_defaults();
    s->pad_ms = 300;
    s->max_utterance_ms = 6000;
    s->no_speech_ms = 8000;
    s->tail_ms = 300;
    s->min_speech_ms = 150;
    s->reject_llr = -6.0;
    s->sure_llr = -2.0;
    s->max_unexplained = 1.0;
    s->max_clipped = 1000;
    s->min_margin = 0.0;
    s->sure_margin = 2.0;
    s->yesno_reject_llr = -6.0;
    s->yesno_min_margin = 0.0;
    s->yesno_sure_margin = 2.0;
    s->confirm_reject_llr = -6.0;
    s->confirm_min_margin = 0.0;
    s->confirm_sure_margin = 2.0;
    s->command_reject_llr = -4.0;
    s->command_max_ms = 2500;
    s->gate_range_db = 15.0;
    s->gate_frames = 5;
    snprintf(s->fillers, sizeof s->fillers, "%s", "about maybe probably please um uh my and");
    s->rate_wpm = VOICE_DEFAULT_RATE_WPM;
    s->volume = VOICE_DEFAULT_VOLUME;
}

static int set_value(VoiceSettings *s, const Key *k, const char *value, const char *dir)
{
    char *end = NULL;
    char *field = (char *)s + k->offset;
    int n;
    switch (k->type) {
    case KEY_INT: {
        /* every count and duration is 0 or more: a negative one wraps to a huge size
         * (max_utterance_ms = -1 let the live capture write past its buffer) */
        long v = strtol(value, &end, 10);
        if (!*value || *end || v < (k->hi > 0 ? k->lo : 0) || v > (k->hi > 0 ? k->hi : 100000))
            return PK_EINVAL;
        *(int *)field = (int)v;
        return 0;
    }
    case KEY_FLOAT:
    case KEY_DOUBLE: {
        double v = strtod(value, &end);
        if (!*value || *end || !isfinite(v)) /* a NaN threshold would let everything pass */
            return PK_EINVAL;
        if (k->type == KEY_FLOAT && fabs(v) > FLT_MAX) /* 1e300 would turn into inf */
            return PK_EINVAL;
        if (k->type == KEY_FLOAT)
            *(float *)field = (float)v;
        else
            *(double *)field = v;
        return 0;
    }
    case KEY_TEXT: /* too long: an error, never cut (a cut path names another file) */
        return snprintf(field, SETTINGS_PATH_MAX, "%s", value) < SETTINGS_PATH_MAX ? 0 : PK_EINVAL;
    case KEY_PATH:
    case KEY_DIR:
        if (!*value) {
            field[0] = '\0';
            return 0;
        }
        if (value[0] == '/' || !dir)
            n = snprintf(field, SETTINGS_PATH_MAX, "%s", value);
        else
            n = snprintf(field, SETTINGS_PATH_MAX, "%s/%s", dir, value);
        return n < SETTINGS_PATH_MAX ? 0 : PK_EINVAL;
    }
    return PK_EINVAL;
}

typedef struct {
    VoiceSettings *s;
    const char *dir;
} Loading;

static int apply(void *ctx, const char *key, const char *value, PkWhy *why)
{
    Loading *l = ctx;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (strcmp(keys[i].name, key) != 0)
            continue;
        const Key *k = &keys[i];
        if (set_value(l->s, k, value, l->dir) != 0) /* the reason says what fits */
            return k->type == KEY_INT
                       ? pk_fail(why, PK_EINVAL, "bad value for %s (a whole number from %d to %d)",
                                 key, k->hi > 0 ? k->lo : 0, k->hi > 0 ? k->hi : 100000)
                   : k->type == KEY_FLOAT || k->type == KEY_DOUBLE
                       ? pk_fail(why, PK_EINVAL, "bad value for %s (a number, like -6.5)", key)
                       : pk_fail(why, PK_EINVAL, "bad value for %s (longer than %d characters)",
                                 key, SETTINGS_PATH_MAX - 1);
        /* a device or a pipe would be read for ever, or waited on, when the voice starts;
         * a folder for a file was read as an empty one ("word 'yes' has no pronunciation"),
         * and a file for a folder (hmm) was passed over for the fallback without a word */
        const char *field = (const char *)l->s + k->offset;
        const char *wanted = k->type == KEY_DIR ? "folder" : "file";
        struct stat st;
        if ((k->type != KEY_PATH && k->type != KEY_DIR) || !*field || stat(field, &st) != 0 ||
            (k->type == KEY_PATH ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode)))
            return 0;
        return pk_fail(why, PK_EINVAL, "%s must be a %s, not a %s", key, wanted,
                       S_ISREG(st.st_mode)    ? "file"
                       : S_ISDIR(st.st_mode)  ? "directory"
                       : S_ISSOCK(st.st_mode) ? "socket"
                                              : "device or a pipe");
    }
    return pk_fail(why, PK_EINVAL, "unknown setting '%s'", key);
}

int voice_settings_load(const char *models_dir, VoiceSettings *s, PkWhy *why)
{
    set_defaults(s);
    pk_why_clear(why);
    if (!models_dir)
        return 0;
    char path[SETTINGS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/voice.conf", models_dir);
    Loading l = {s, models_dir};
    int line = 0;
    int err = kv_read(path, "voice.conf", apply, &l, &line, why);
    if (err == PK_ENOENT && !line) { /* no file: the defaults */
        pk_why_clear(why);
        return 0;
    }
    if (err && !line && why) { /* a directory, a device, unreadable */
        PkWhy reason = *why;
        pk_fail(why, err, "%s: %s", path, reason.text);
    }
    return err;
}

int voice_settings_confidence(const VoiceSettings *s, double llr)
{
    if (llr <= s->reject_llr)
        return 0;
    if (llr >= s->sure_llr || s->sure_llr <= s->reject_llr)
        return 100;
    /* Linear from 1 just above the rejection threshold to 100 at sure_llr. */
    double t = (llr - s->reject_llr) / (s->sure_llr - s->reject_llr);
    int c = (int)(1.0 + t * 99.0 + 0.5);
    return c < 1 ? 1 : c > 100 ? 100 : c;
}
