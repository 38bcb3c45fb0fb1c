/* The touch-screen kiosk: wires the flow (what to show), the ui (how it looks and what
 * was touched), the voice (speaking and listening) and the printer together in one
 * event loop. With --script it reads the same inputs from a file instead of the user,
 * headless, and writes screenshots.
 *
 * Kiosk safety: no key or window-manager request closes it (only the staff menu's
 * "Exit" does, or closing the window in --windowed development mode). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <SDL.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "../core/flow.h"
#include "../print/printer.h"
#include "../ui/script.h"
#include "../ui/staff.h"
#include "../ui/ui.h"
#include "../voice/voice.h"
#include "app.h"
#include "config.h"

#define TICK_MS 100u        /* how often time passes while nothing happens */
#define NOTICE_MS 4000u     /* how long "Sorry, I did not understand" stays */
#define AUDIO_WAIT_MS 20000 /* script: longest real wait for a recognition result */

typedef struct {
    const AppOptions *o;
    const Content *c;
    KioskConfig cfg;
    FlowConfig fcfg;
    Flow *flow;
    Ui *ui;
    Voice *voice;
    Staff staff;
    bool script;
    bool quit;
    bool ack_urgent; /* the staff PIN pad is open to acknowledge the urgent screen */

    /* what was last shown and spoken */
    unsigned shown_serial;
    const Screen *shown;
    ScreenKind spoken_kind;
    const Question *spoken_q;
    int spoken_still;
    Lang spoken_lang;
    bool spoken_valid;
    int quiet; /* listening time-outs in a row on this screen */
    Uint32 notice_left;

    /* the print job, on a thread of its own */
    SDL_Thread *print_thread;
    SDL_atomic_t print_done;
    int print_err;
    bool print_test;    /* a staff test page rather than a summary */
    bool print_reprint; /* the summary again, from the staff menu */
    const Summary *print_sum;
    Paper paper;
    char print_why[256];

    /* script mode */
    bool layout_check;
    int violations;
    unsigned checked_serial;
    const Screen *checked;
    bool outputs_written;
    int rc;
    int bench; /* PPKIOSK_BENCH: frames to time at the end of a script */
    Uint64 t0; /* when the kiosk mode started */
} Kiosk;

static const Screen *current(const Kiosk *k)
{
    return k->staff.open ? &k->staff.screen : flow_screen(k->flow);
}

/* ---- printing ---------------------------------------------------------------------- */

static int print_main(void *arg)
{
    Kiosk *k = arg;
    const char *printer = k->cfg.printer[0] ? k->cfg.printer : NULL;
    if (k->print_test)
        k->print_err = print_test_page(k->c, printer, k->paper, k->print_why, sizeof k->print_why);
    else
        k->print_err =
            print_cups(k->print_sum, k->paper, printer, k->print_why, sizeof k->print_why);
    SDL_AtomicSet(&k->print_done, 1);
    return 0;
}

static void print_start(Kiosk *k, bool test)
{
    if (k->print_thread)
        return;
    k->print_test = test;
    k->print_reprint = false;
    k->print_sum = test ? NULL : flow_summary(k->flow);
    k->print_why[0] = '\0';
    if (!test && !k->print_sum) {
        flow_print_done(k->flow, PK_ESTATE);
        return;
    }
    if (k->script && !k->o->printer) {
        /* scripted runs print only to a printer named on the command line */
        fprintf(stderr, "ppkiosk: script: printing skipped (no --printer)\n");
        if (test)
            staff_message(&k->staff, staff_text(&k->staff, "staff.test_skipped"));
        else
            flow_print_done(k->flow, 0);
        return;
    }
    SDL_AtomicSet(&k->print_done, 0);
    k->print_thread = SDL_CreateThread(print_main, "print", k);
    if (!k->print_thread) {
        if (!test)
            flow_print_done(k->flow, PK_EPRINT);
        fprintf(stderr, "ppkiosk: cannot start printing: %s\n", SDL_GetError());
    }
}

/* Collects a finished print job (or waits for it when wait is set). */
static void print_poll(Kiosk *k, bool wait)
{
    if (!k->print_thread || (!wait && !SDL_AtomicGet(&k->print_done)))
        return;
    SDL_WaitThread(k->print_thread, NULL);
    k->print_thread = NULL;
    if (k->print_err)
        fprintf(stderr, "ppkiosk: printing failed: %s\n",
                k->print_why[0] ? k->print_why : pk_strerror(k->print_err));
    if (k->print_test || k->print_reprint)
        staff_message(&k->staff, k->print_err
                                     ? (k->print_why[0] ? k->print_why : pk_strerror(k->print_err))
                                     : staff_text(&k->staff, k->print_test ? "staff.test_done"
                                                                           : "staff.reprint_done"));
    if (k->print_reprint && !k->print_err)
        flow_reprinted(k->flow); /* the "printed" goodbye */
    else if (!k->print_test && !k->print_reprint)
        flow_print_done(k->flow, k->print_err);
}

/* ---- speech ------------------------------------------------------------------------- */

static void speak_screen(Kiosk *k)
{
    if (!k->voice)
        return;
    static char buf[4096], other[1024];
    Lang other_lang;
    flow_speech(k->flow, buf, sizeof buf);
    flow_speech_other(k->flow, &other_lang, other, sizeof other);
    voice_speak_then(k->voice, buf, flow_screen(k->flow)->lang, other, other_lang);
}

static void listen_screen(Kiosk *k)
{
    if (!k->voice)
        return;
    const Screen *s = flow_screen(k->flow);
    if (s->kind == SCR_CONFIRM)
        voice_listen_confirm(k->voice, s->question, s->lang);
    else
        voice_listen(k->voice, s->kind == SCR_QUESTION ? s->question : NULL, s->lang);
}

static void notice(Kiosk *k, const char *key)
{
    const Screen *s = flow_screen(k->flow);
    const char *text = content_ui(k->c, key, s->lang);
    ui_set_notice(k->ui, text);
    k->notice_left = NOTICE_MS;
    if (k->voice)
        voice_speak(k->voice, text, s->lang);
}

/* ---- the flow ----------------------------------------------------------------------- */

static void write_outputs(Kiosk *k)
{
    const Summary *sum = flow_summary(k->flow);
    if (!k->script || k->outputs_written || !sum || (!k->o->pdf_out && !k->o->fhir_out))
        return;
    k->outputs_written = true;
    if (app_write_outputs(k->o, sum) != 0)
        k->rc = 1;
}

/* Shows the current screen; speaks and listens when it is a different screen. */
static void sync_screen(Kiosk *k)
{
    const Screen *s = current(k);
    if (s != k->shown || s->serial != k->shown_serial) {
        k->shown = s;
        k->shown_serial = s->serial;
        ui_show(k->ui, s);
    }
    if (k->staff.open)
        return;
    if (s->kind == SCR_RESULTS)
        write_outputs(k);
    if (s->kind == SCR_ATTRACT && k->spoken_valid && k->spoken_kind != SCR_ATTRACT && k->voice) {
        voice_set_volume(k->voice, k->cfg.volume); /* a session ended */
        voice_new_session(k->voice);               /* the next patient's voice starts afresh */
    }
    int still = s->still_there > 0;
    if (k->spoken_valid && s->kind == k->spoken_kind && s->question == k->spoken_q &&
        still == k->spoken_still && s->lang == k->spoken_lang)
        return;
    k->spoken_valid = true;
    k->spoken_kind = s->kind;
    k->spoken_q = s->question;
    k->spoken_still = still;
    k->spoken_lang = s->lang;
    k->quiet = 0;
    speak_screen(k);
    listen_screen(k);
}

static void open_staff(Kiosk *k);

static void flow_event(Kiosk *k, FlowEvent ev)
{
    switch (ev) {
    case FLOW_NOT_UNDERSTOOD:
        notice(k, "not_understood");
        break;
    case FLOW_REPEAT_REQUESTED:
        speak_screen(k);
        listen_screen(k);
        break;
    case FLOW_HELP_REQUESTED:
        if (k->voice)
            voice_speak(k->voice, flow_help(k->flow), flow_screen(k->flow)->lang);
        break;
    case FLOW_PRINT_REQUESTED:
        print_start(k, false);
        break;
    case FLOW_STAFF_PIN_REQUESTED:
        open_staff(k);
        k->ack_urgent = k->staff.open;
        break;
    case FLOW_CHANGED:
        ui_clear_notice(k->ui);
        k->notice_left = 0;
        break;
    case FLOW_IGNORED:
        break;
    }
}

/* ---- the staff menu ----------------------------------------------------------------- */

static void staff_command(Kiosk *k, StaffCommand cmd)
{
    switch (cmd) {
    case STAFF_CHECK_PIN:
        if (k->ack_urgent && config_pin_ok(&k->cfg, k->staff.typed)) {
            /* staff saw the urgent screen: the patient may go on */
            k->ack_urgent = false;
            k->staff.open = false;
            flow_event(k, flow_urgent_acknowledge(k->flow, URGENT_ACK_STAFF));
            break;
        }
        staff_command(k, staff_unlock(&k->staff, config_pin_ok(&k->cfg, k->staff.typed)));
        break;
    case STAFF_EXIT:
        fprintf(stderr, "ppkiosk: exit from the staff menu\n");
        k->quit = true;
        break;
    case STAFF_VOLUME:
        k->cfg.volume = k->staff.volume;
        if (k->voice) {
            voice_set_volume(k->voice, k->cfg.volume);
            /* a short sample at the new volume */
            voice_speak(k->voice, content_ui(k->c, "attract.prompt", k->cfg.lang), k->cfg.lang);
        }
        break;
    case STAFF_LANGUAGE:
        k->cfg.lang = k->staff.lang;
        k->fcfg.default_lang = k->cfg.lang;
        break;
    case STAFF_TEST_PAGE:
        if (k->print_thread)
            staff_message(&k->staff, staff_text(&k->staff, "staff.printer_busy"));
        else
            print_start(k, true);
        break;
    case STAFF_REPRINT:
        if (k->print_thread) {
            staff_message(&k->staff, staff_text(&k->staff, "staff.printer_busy"));
        } else if (!flow_summary(k->flow)) {
            staff_message(&k->staff, staff_text(&k->staff, "staff.nothing_to_print"));
        } else {
            k->print_reprint = true;
            k->print_sum = flow_summary(k->flow);
            SDL_AtomicSet(&k->print_done, 0);
            k->print_thread = SDL_CreateThread(print_main, "print", k);
            if (!k->print_thread)
                staff_message(&k->staff, staff_text(&k->staff, "staff.cannot_print"));
        }
        break;
    case STAFF_LOCKED:
        /* no digits: the log must not help anyone guess */
        fprintf(stderr, "ppkiosk: staff menu locked after wrong PINs; each lock-out waits "
                        "longer\n");
        /* fall through */
    case STAFF_RESTART:
    case STAFF_CLOSE:
        k->ack_urgent = false;
        print_poll(k, true);     /* the summary being printed must outlive the job */
        k->spoken_valid = false; /* speak and listen to the patient's screen again */
        if (cmd == STAFF_RESTART || k->fcfg.default_lang != flow_screen(k->flow)->lang ||
            flow_screen(k->flow)->kind == SCR_ATTRACT) {
            /* a new default language takes a new flow; either way the session ends */
            Flow *nf = flow_new(k->c, &k->fcfg);
            if (nf) {
                flow_free(k->flow);
                k->flow = nf;
            } else {
                flow_reset(k->flow);
            }
        }
        break;
    case STAFF_NONE:
        break;
    }
}

static void open_staff(Kiosk *k)
{
    if (!k->cfg.pin[0]) {
        fprintf(stderr, "ppkiosk: staff menu disabled: no staff_pin in the configuration%s%s\n",
                k->cfg.path[0] ? " " : "", k->cfg.path);
        return;
    }
    if (k->voice)
        voice_stop_listening(k->voice);
    staff_open(&k->staff, k->cfg.volume, k->cfg.lang);
}

/* ---- input -------------------------------------------------------------------------- */

static void act(Kiosk *k, const UiAction *a)
{
    if (k->voice)
        voice_stop(k->voice);
    if (a->kind == UI_ACT_STAFF_GESTURE) {
        if (!k->staff.open)
            open_staff(k);
        return;
    }
    if (k->staff.open) {
        if (a->kind == UI_ACT_DIGIT)
            staff_command(k, staff_digit(&k->staff, a->digit));
        else if (a->kind == UI_ACT_PRESS)
            staff_command(k, staff_press(&k->staff, a->id));
        return;
    }
    if (k->print_thread)
        return; /* the summary stays as it is while it prints */
    if (a->kind == UI_ACT_DIGIT)
        flow_event(k, flow_digit(k->flow, a->digit));
    else if (a->kind == UI_ACT_PRESS && strcmp(a->id, UI_ID_ESCAPE) != 0)
        flow_event(k, flow_press(k->flow, a->id));
}

static void heard(Kiosk *k, const char *text, int confidence)
{
    if (k->staff.open || k->print_thread)
        return;
    flow_event(k, flow_input(k->flow, text, confidence));
}

/* Drains the voice events; returns true when one was a recognition result. */
static bool voice_drain(Kiosk *k)
{
    if (!k->voice) {
        UiVoiceState none = {false, false, false, 0};
        ui_set_voice(k->ui, &none);
        return false;
    }
    bool result = false;
    VoiceEvent ev;
    while (voice_poll(k->voice, &ev)) {
        switch (ev.kind) {
        case VOICE_EV_HEARD:
            k->quiet = 0;
            flow_runner_up(k->flow, ev.runner_up);
            heard(k, ev.text, ev.confidence);
            wipe(&ev, sizeof ev);
            result = true;
            if (!k->staff.open)
                listen_screen(k); /* keep listening, for the screen now shown */
            break;
        case VOICE_EV_REJECTED:
            k->quiet = 0;
            if (!k->staff.open) {
                notice(k, "not_understood");
                listen_screen(k);
            }
            result = true;
            break;
        case VOICE_EV_NO_SPEECH:
            /* Nobody answered: ask once more, then leave it to touch. */
            result = true;
            if (k->staff.open)
                break;
            if (++k->quiet == 1) {
                speak_screen(k);
                listen_screen(k);
            } else {
                voice_stop_listening(k->voice);
            }
            break;
        default:
            break;
        }
    }
    VoiceStatus st = voice_status(k->voice);
    const Screen *s = flow_screen(k->flow);
    UiVoiceState vs = {st.can_speak, st.can_listen,
                       st.can_listen && s->lang == LANG_EN && !voice_speaking(k->voice) &&
                           !k->staff.open,
                       voice_level(k->voice)};
    ui_set_voice(k->ui, &vs);
    return result;
}

/* Time passes for the flow, the notice and the staff menu. */
static void pass_time(Kiosk *k, unsigned ms)
{
    if (k->notice_left) {
        k->notice_left = ms >= k->notice_left ? 0 : k->notice_left - ms;
        if (!k->notice_left)
            ui_clear_notice(k->ui);
    }
    StaffCommand staff = staff_tick(&k->staff, ms); /* a lock-out runs down even when closed */
    if (k->staff.open || staff != STAFF_NONE) {
        staff_command(k, staff);
        return;
    }
    if (!k->print_thread)
        flow_event(k, flow_tick(k->flow, ms));
}

static void layout_check(Kiosk *k)
{
    const Screen *s = current(k);
    if (!k->layout_check || (s == k->checked && s->serial == k->checked_serial))
        return;
    k->checked = s;
    k->checked_serial = s->serial;
    char where[160];
    snprintf(where, sizeof where, "%dx%d %s %s%s%s", k->o->width, k->o->height, lang_code(s->lang),
             flow_kind_name(s->kind), s->question ? " " : "", s->question ? s->question->id : "");
    k->violations += ui_layout_check(k->ui, stderr, where);
}

/* ---- script mode -------------------------------------------------------------------- */

static void hook_action(void *ctx, const UiAction *a)
{
    act(ctx, a);
}

static void hook_heard(void *ctx, const char *text, int confidence)
{
    heard(ctx, text, confidence);
}

static int hook_audio(void *ctx, const char *path)
{
    Kiosk *k = ctx;
    if (!k->voice)
        return PK_ENODEV;
    voice_stop(k->voice); /* as if the patient spoke over the prompt */
    int err = voice_feed_wav(k->voice, path);
    if (err)
        return err;
    Uint32 start = SDL_GetTicks();
    while (!voice_drain(k) && SDL_GetTicks() - start < AUDIO_WAIT_MS)
        SDL_Delay(10);
    return 0;
}

static void hook_pass_time(void *ctx, unsigned ms)
{
    pass_time(ctx, ms);
}

static void hook_settle(void *ctx)
{
    Kiosk *k = ctx;
    print_poll(k, true);
    voice_drain(k);
    sync_screen(k);
    layout_check(k);
}

static int run_script(Kiosk *k)
{
    ScriptHooks h = {k, hook_action, hook_heard, hook_audio, hook_pass_time, hook_settle};
    if (k->bench) {
        sync_screen(k);
        ui_render_force(k->ui);
        printf("first frame: %.1f ms after the kiosk mode started\n",
               (double)(SDL_GetPerformanceCounter() - k->t0) * 1000.0 /
                   (double)SDL_GetPerformanceFrequency());
    }
    PkWhy why = {""};
    int rc = script_run(k->ui, k->o->script, k->o->shots, &h, &why);
    if (rc) {
        fprintf(stderr, "%s\n", why.text);
        return rc;
    }
    printf("screen: %s\n", flow_kind_name(current(k)->kind));
    if (k->bench) {
        const char *label = getenv("PPKIOSK_BENCH_LABEL");
        ui_bench(k->ui, k->bench, stdout,
                 label && *label ? label : flow_kind_name(current(k)->kind));
    }
    if (k->violations) {
        fprintf(stderr, "ppkiosk: %d layout problem%s\n", k->violations,
                k->violations == 1 ? "" : "s");
        return 1;
    }
    return k->rc;
}

/* ---- the interactive loop ------------------------------------------------------------ */

static void run_loop(Kiosk *k)
{
    Uint32 last = SDL_GetTicks();
    bool quit_logged = false;
    while (!k->quit) {
        sync_screen(k);
        ui_render(k->ui);
        SDL_Event ev;
        /* faster while the voice indicator may move */
        int wait = k->voice && (voice_speaking(k->voice) || voice_status(k->voice).can_listen)
                       ? 33
                       : (int)TICK_MS;
        if (SDL_WaitEventTimeout(&ev, wait)) {
            do {
                if (ev.type == SDL_QUIT) {
                    if (k->o->windowed) {
                        k->quit = true;
                    } else if (!quit_logged) {
                        fprintf(stderr, "ppkiosk: ignoring a request to close the kiosk\n");
                        quit_logged = true;
                    }
                    continue;
                }
                UiAction a;
                if (ui_handle_event(k->ui, &ev, &a))
                    act(k, &a);
                else if (ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_KEYDOWN) {
                    if (k->voice)
                        voice_stop(k->voice);
                }
            } while (SDL_PollEvent(&ev));
        }
        Uint32 now = SDL_GetTicks();
        pass_time(k, now - last);
        last = now;
        voice_drain(k);
        print_poll(k, false);
    }
}

/* ---- setup --------------------------------------------------------------------------- */

/* The screen's diagnostic lines (which display, full screen or not) go to the journal. */
static void journal_line(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "ppkiosk: %s\n", line);
}

static void open_voice(Kiosk *k)
{
    const AppOptions *o = k->o;
    if (o->no_voice && o->no_listen)
        return;
    VoiceOptions vo = {.models_dir = o->models_dir,
                       .speak = !o->no_voice,
                       .listen = !o->no_listen,
                       .rate_wpm = VOICE_DEFAULT_RATE_WPM,
                       .volume = k->cfg.volume};
    PkWhy why = {""};
    int err = voice_open(&k->voice, k->c, &vo, &why);
    if (err) {
        fprintf(stderr, "ppkiosk: carrying on without voice: %s\n", pk_why_text(&why, err));
        k->voice = NULL;
    }
}

int app_run_kiosk(const AppOptions *o, const Content *c)
{
    static Kiosk kiosk;
    Kiosk *k = &kiosk;
    memset(k, 0, sizeof *k);
    k->t0 = SDL_GetPerformanceCounter();
    k->o = o;
    k->c = c;
    k->script = o->script != NULL;
    k->spoken_kind = SCR_COUNT;
    const char *lc = getenv("PPKIOSK_LAYOUT_CHECK");
    k->layout_check = lc && *lc && strcmp(lc, "0") != 0;
    const char *bench = getenv("PPKIOSK_BENCH");
    k->bench = bench && *bench ? atoi(bench) : 0;
    if (o->shots && mkdir(o->shots, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "ppkiosk: cannot make %s: %s\n", o->shots, strerror(errno));
        return 1;
    }
    staff_init(&k->staff, c);
    int rc = config_load(&k->cfg, o->config, o->assets_dir);
    if (rc)
        return rc == PK_EINVAL ? 2 : 1;
    if (o->lang_given)
        k->cfg.lang = o->lang;
    if (o->printer)
        snprintf(k->cfg.printer, sizeof k->cfg.printer, "%s", o->printer);
    if (paper_parse(k->cfg.paper, &k->paper) != 0)
        k->paper = PAPER_LETTER;
    if (!k->cfg.pin[0] && !k->script)
        fprintf(stderr, "ppkiosk: staff menu disabled: no staff_pin in %s\n",
                k->cfg.path[0] ? k->cfg.path : "a configuration file (--config FILE)");
    k->fcfg = (FlowConfig){.safety = k->cfg.safety,
                           .staff_pin = k->cfg.pin[0] != '\0',
                           .default_lang = k->cfg.lang,
                           .idle_ms = k->cfg.idle_ms,
                           .countdown_ms = k->cfg.countdown_ms,
                           .results_idle_ms = k->cfg.results_idle_ms,
                           .confirm_below = 50};

    SDL_SetHint(SDL_HINT_WINDOWS_NO_CLOSE_ON_ALT_F4, "1");
    /* SIGTERM/SIGINT keep their default meaning (a service manager can stop the
     * kiosk); only the window manager's close requests are ignored */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "ppkiosk: cannot start SDL: %s\n", SDL_GetError());
        return 1;
    }
    rc = 1;
    k->flow = flow_new(c, &k->fcfg);
    if (!k->flow) {
        fprintf(stderr, "ppkiosk: out of memory\n");
        goto fail_sdl;
    }
    char fonts[1024];
    snprintf(fonts, sizeof fonts, "%s/fonts", o->assets_dir ? o->assets_dir : ".");
    UiOptions uo = {.width = o->width,
                    .height = o->height,
                    .fullscreen = !o->windowed,
                    .offscreen = k->script,
                    .font_dir = fonts, /* fonts shipped with the assets win, if any */
                    .log = journal_line};
    PkWhy why = {""};
    int err = ui_open(&k->ui, &uo, c, &why);
    if (err) {
        fprintf(stderr, "ppkiosk: %s\n", pk_why_text(&why, err));
        goto fail_flow;
    }
    open_voice(k);
    k->fcfg.no_speech = !k->voice || !voice_status(k->voice).can_speak;
    flow_set_speech(k->flow, !k->fcfg.no_speech);
    if (k->script)
        rc = run_script(k);
    else {
        run_loop(k);
        rc = 0;
    }
    print_poll(k, true);
    voice_close(k->voice);
    ui_close(k->ui);
fail_flow:
    flow_free(k->flow);
fail_sdl:
    SDL_Quit();
    return rc;
}
