/* The kiosk driven by a script (--script): the same steps as the interactive loop, fed
 * from a file, with screenshots, the layout check and the render benchmark. */
#include <stdio.h>
#include <stdlib.h>

#include "../core/error.h"
#include "../ui/script.h"
#include "kiosk.h"

#define AUDIO_WAIT_MS 20000 /* longest real wait for a recognition result */

static void layout_check(Kiosk *k)
{
    const Screen *s = kiosk_current(k);
    /* a screen laid out again counts too (the body picture picked by hand once had targets
       under the minimum size, and no check saw them) */
    if (!k->layout_check || (s == k->checked && s->serial == k->checked_serial &&
                             ui_layout_count(k->ui) == k->checked_layouts))
        return;
    k->checked = s;
    k->checked_serial = s->serial;
    k->checked_layouts = ui_layout_count(k->ui);
    char where[160];
    snprintf(where, sizeof where, "%dx%d %s %s%s%s", k->o->width, k->o->height, lang_code(s->lang),
             flow_kind_name(s->kind), s->question ? " " : "", s->question ? s->question->id : "");
    k->violations += ui_layout_check(k->ui, stderr, where);
}

static void hook_action(void *ctx, const UiAction *a)
{
    kiosk_act(ctx, a);
}

static void hook_heard(void *ctx, const char *text, int confidence)
{
    kiosk_heard(ctx, text, confidence);
}

static int hook_audio(void *ctx, const char *path, PkWhy *why)
{
    Kiosk *k = ctx;
    if (!k->voice)
        return PK_ENODEV;
    voice_stop(k->voice); /* as if the patient spoke over the prompt */
    int err = voice_feed_wav(k->voice, path, why);
    if (err)
        return err;
    Uint32 start = SDL_GetTicks();
    while (!kiosk_voice_drain(k) && SDL_GetTicks() - start < AUDIO_WAIT_MS)
        SDL_Delay(10);
    return 0;
}

static void hook_pass_time(void *ctx, unsigned ms)
{
    kiosk_pass_time(ctx, ms);
}

static void hook_settle(void *ctx)
{
    Kiosk *k = ctx;
    kiosk_print_poll(k, true);
    kiosk_voice_drain(k);
    kiosk_sync_screen(k);
    layout_check(k);
}

int kiosk_run_script(Kiosk *k)
{
    ScriptHooks h = {k, hook_action, hook_heard, hook_audio, hook_pass_time, hook_settle};
    if (k->bench) {
        kiosk_sync_screen(k);
        ui_render_force(k->ui);
        printf("first frame: %.1f ms after the kiosk mode started\n",
               (double)(SDL_GetPerformanceCounter() - k->t0) * 1000.0 /
                   (double)SDL_GetPerformanceFrequency());
    }
    PkWhy why = {""};
    int rc = script_run(k->ui, k->o->script, k->o->shots, &h, &why);
    if (rc) {
        fprintf(stderr, "ppkiosk: %s\n", why.text);
        return rc;
    }
    printf("screen: %s\n", flow_kind_name(kiosk_current(k)->kind));
    if (k->bench) {
        const char *label = getenv("PPKIOSK_BENCH_LABEL");
        ui_bench(k->ui, k->bench, stdout,
                 label && *label ? label : flow_kind_name(kiosk_current(k)->kind));
    }
    if (k->violations) {
        fprintf(stderr, "ppkiosk: %d layout problem%s\n", k->violations,
                k->violations == 1 ? "" : "s");
        return 1;
    }
    return k->rc;
}
