/* An energy voice-activity detector with an adaptive noise floor. */
#include "vad.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/wipe.h"

VadConfig vad_defaults(void)
{
    VadConfig c = {12.0f, 8.0f, -50.0f, 3, 60, 0};
    return c;
}

void vad_init(Vad *v, const VadConfig *cfg)
{
    memset(v, 0, sizeof *v);
    v->cfg = *cfg;
    v->floor_db = -70.0f;
    v->level_db = -96.0f;
}

static float frame_db(const int16_t *frame)
{
    double sum = 0.0, mean = 0.0;
    for (int i = 0; i < VAD_FRAME; i++)
        mean += frame[i];
    mean /= VAD_FRAME;
    for (int i = 0; i < VAD_FRAME; i++) {
        double s = frame[i] - mean;
        sum += s * s;
    }
    double rms = sqrt(sum / VAD_FRAME) / 32768.0;
    return rms < 1e-5 ? -100.0f : (float)(20.0 * log10(rms));
}

VadEvent vad_push(Vad *v, const int16_t *frame)
{
    float db = frame_db(frame);
    v->level_db = db;
    v->frames++;
    if (v->frames <= v->cfg.calibrate_frames) {
        v->floor_db = v->frames == 1 ? db : fminf(v->floor_db, db) * 0.5f + v->floor_db * 0.5f;
        return VAD_NONE;
    }
    /* The floor falls fast to quieter frames and rises slowly outside speech. */
    if (db < v->floor_db)
        v->floor_db = 0.7f * v->floor_db + 0.3f * db;
    else if (!v->in_speech && v->loud_run == 0)
        v->floor_db += 0.02f * (db - v->floor_db);
    float loud_at = fmaxf(v->floor_db + v->cfg.start_db, v->cfg.min_db);
    float quiet_at = fmaxf(v->floor_db + v->cfg.end_db, v->cfg.min_db - 4.0f);
    if (!v->in_speech) {
        v->loud_run = db >= loud_at ? v->loud_run + 1 : 0;
        if (v->loud_run >= v->cfg.start_frames) {
            v->in_speech = 1;
            v->quiet_run = 0;
            return VAD_START;
        }
        return VAD_NONE;
    }
    v->quiet_run = db < quiet_at ? v->quiet_run + 1 : 0;
    if (v->quiet_run >= v->cfg.end_frames) {
        v->in_speech = 0;
        v->loud_run = 0;
        return VAD_END;
    }
    return VAD_NONE;
}

float vad_meter(const Vad *v)
{
    float m = (v->level_db + 60.0f) / 60.0f;
    return m < 0.0f ? 0.0f : m > 1.0f ? 1.0f : m;
}

int vad_find(const VadConfig *cfg, const int16_t *pcm, size_t n, size_t pad, size_t max,
             size_t *start, size_t *end)
{
    Vad v;
    vad_init(&v, cfg);
    size_t s = 0;
    int found = 0, too_long = 0;
    for (size_t off = 0; off + VAD_FRAME <= n; off += VAD_FRAME) {
        VadEvent e = vad_push(&v, pcm + off);
        if (e == VAD_START) {
            size_t back = (size_t)cfg->start_frames * VAD_FRAME;
            s = off + VAD_FRAME > back + pad ? off + VAD_FRAME - back - pad : 0;
            found = 1;
        } else if (e == VAD_END) {
            size_t e_at = off + VAD_FRAME + pad;
            *start = s;
            *end = e_at < n ? e_at : n;
            goto cut;
        }
        if (found && off + VAD_FRAME - s >= max) {
            too_long = 1; /* still speech at max samples */
            break;
        }
    }
    if (!found)
        return 0;
    *start = s;
    *end = n;
cut:
    if (*end - *start > max)
        *end = *start + max;
    return too_long ? VAD_TOO_LONG : 1;
}

int vad_capture_init(VadCapture *c, const VadConfig *cfg, size_t pad, size_t max)
{
    static const VadCapture empty;
    *c = empty;
    c->max = max;
    c->cap = pad + max + VAD_CAPTURE_CHUNK;
    c->keep = pad + (size_t)cfg->start_frames * VAD_FRAME;
    vad_init(&c->vad, cfg);
    c->utt = malloc(c->cap * sizeof *c->utt);
    return c->utt ? 0 : PK_ENOMEM;
}

int16_t *vad_capture_space(VadCapture *c)
{
    return c->chunk + c->have;
}

bool vad_capture_push(VadCapture *c, size_t got)
{
    size_t off = 0;
    bool done = false;
    c->have += got;
    for (; off + VAD_FRAME <= c->have && !done; off += VAD_FRAME) {
        VadEvent e = vad_push(&c->vad, c->chunk + off);
        if (!c->in_speech && c->used + VAD_FRAME > c->keep) {
            size_t drop = c->used + VAD_FRAME - c->keep;
            memmove(c->utt, c->utt + drop, (c->used - drop) * sizeof *c->utt);
            c->used -= drop;
        }
        memcpy(c->utt + c->used, c->chunk + off, VAD_FRAME * sizeof *c->utt);
        c->used += VAD_FRAME;
        if (e == VAD_START)
            c->in_speech = true;
        if ((c->in_speech && e == VAD_END) || c->used >= c->max) {
            done = c->in_speech || c->used >= c->max;
            c->too_long = c->in_speech && e != VAD_END;
        }
    }
    memmove(c->chunk, c->chunk + off, (c->have - off) * sizeof *c->chunk);
    c->have -= off;
    return done;
}

void vad_capture_free(VadCapture *c)
{
    if (c->utt)
        wipe(c->utt, c->cap * sizeof *c->utt);
    free(c->utt);
    wipe(c, sizeof *c);
}
