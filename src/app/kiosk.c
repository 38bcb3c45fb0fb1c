/* The touch-screen kiosk: wires the flow (what to show), the ui (how it looks and what
 * was touched), the voice (speaking and listening) and the printer together in one
 * event loop. With --script (kiosk_script.c) it reads the same inputs from a file
 * instead of the user, headless, and writes screenshots.
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
#include "kiosk.h"

#define TICK_MS 100u    /* how often time passes while nothing happens */
#define NOTICE_MS 4000u /* how long "Sorry, I did not understand" stays */

const Screen *kiosk_current(const Kiosk *k)
{
    return k->staff.open ? &k->staff.screen : flow_screen(k->flow);
}

/* ---- printing ---------------------------------------------------------------------- */

static int print_main(void *arg)
{
    Kiosk *k = arg;
    const char *printer = k->cfg.printer[0] ? k->cfg.printer : NULL;
    if (k->print_test)
        k->print_err = print_test_page(k->c, printer, k->paper, &k->print_why);
    else
        k->print_err = print_cups(k->print_sum, k->paper, printer, &k->print_why);
    SDL_AtomicSet(&k->print_done, 1);
    return 0;
}

/* Starts the print thread for the job set up in k. PK_ENOMEM when it cannot start. */
static int print_spawn(Kiosk *k)
{
    SDL_AtomicSet(&k->print_done, 0);
    k->print_thread = SDL_CreateThread(print_main, "print", k);
    return k->print_thread ? 0 : PK_ENOMEM;
}

static void print_start(Kiosk *k, bool test)
{
    if (k->print_thread)
        return;
    k->print_test = test;
    k->print_reprint = false;
    k->print_sum = test ? NULL : flow_summary(k->flow);
    pk_why_clear(&k->print_why);
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
    if (print_spawn(k) != 0) {
        if (!test)
            flow_print_done(k->flow, PK_EPRINT);
        fprintf(stderr, "ppkiosk: cannot start printing: %s\n", SDL_GetError());
    }
}

/* A new flow for the next session (staff restarted, or the attract screen in a new
 * default language). */
static void replace_flow(Kiosk *k)
{
    Flow *nf = flow_new(k->c, &k->fcfg);
    if (nf) {
        flow_free(k->flow);
        k->flow = nf;
    } else {
        flow_reset(k->flow);
    }
}

/* Collects a finished print job (or waits for it when wait is set). */
void kiosk_print_poll(Kiosk *k, bool wait)
{
    if (!k->print_thread || (!wait && !SDL_AtomicGet(&k->print_done)))
        return;
    SDL_WaitThread(k->print_thread, NULL);
    k->print_thread = NULL;
    const char *why = pk_why_text(&k->print_why, k->print_err);
    if (k->print_err)
        fprintf(stderr, "ppkiosk: printing failed: %s\n", why);
    char msg[512];
    snprintf(msg, sizeof msg, "%s %s", staff_text(&k->staff, "staff.print_failed"), why);
    if (k->print_test || k->print_reprint)
        staff_message(&k->staff, k->print_err
                                     ? msg
                                     : staff_text(&k->staff, k->print_test ? "staff.test_done"
                                                                           : "staff.reprint_done"));
    if (k->print_reprint && !k->print_err)
        flow_reprinted(k->flow); /* the "printed" goodbye */
    else if (!k->print_test && !k->print_reprint)
        flow_print_done(k->flow, k->print_err);
    if (k->replace_flow) {
        k->replace_flow = false;
        replace_flow(k);
    }
}

/* ---- speech ------------------------------------------------------------------------- */

/* The text of one screen, in buf or, when it is longer, in a block of its own (speech is
 * never cut: the results read out every red flag). NULL when that block cannot be had. */
static char *speech_text(const Kiosk *k, char *buf, size_t size, bool other, Lang *lang)
{
    size_t need =
        other ? flow_speech_other(k->flow, lang, buf, size) : flow_speech(k->flow, buf, size);
    if (need < size)
        return buf;
    wipe(buf, size);
    char *text = malloc(need + 1);
    if (text) {
        if (other)
            flow_speech_other(k->flow, lang, text, need + 1);
        else
            flow_speech(k->flow, text, need + 1);
    }
    return text;
}

/* Wipes a text of speech_text(), and frees it when it was not buf. */
static void speech_done(char *text, char *buf, size_t size)
{
    if (text && text != buf) {
        wipe(text, strlen(text));
        free(text);
    }
    wipe(buf, size);
}

static void speak_screen(Kiosk *k)
{
    if (!k->voice)
        return;
    static char buf[4096], other[1024];
    Lang lang = flow_screen(k->flow)->lang, other_lang = lang;
    char *text = speech_text(k, buf, sizeof buf, false, NULL);
    char *more = speech_text(k, other, sizeof other, true, &other_lang);
    if (text && more)
        voice_speak_then(k->voice, text, lang, more, other_lang);
    else
        fprintf(stderr, "ppkiosk: cannot read this screen aloud: out of memory\n");
    /* the voice has its own copies; a shorter text next would leave this one's tail (the
     * results screen's red flags) here after the session */
    speech_done(text, buf, sizeof buf);
    speech_done(more, other, sizeof other);
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
void kiosk_sync_screen(Kiosk *k)
{
    const Screen *s = kiosk_current(k);
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
    if (k->voice && flow_starts_over(k->flow) != k->starts_over) {
        k->starts_over = flow_starts_over(k->flow);
        voice_new_session(k->voice); /* "start over": what was heard before it goes */
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

static void open_staff(Kiosk *k, bool ack);

static void flow_event(Kiosk *k, FlowEvent ev)
{
    switch (ev) {
    case FLOW_NOT_UNDERSTOOD:
        notice(k, "not_understood");
        break;
    case FLOW_NOTHING_CHOSEN:
        notice(k, "multi.nothing_chosen");
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
        open_staff(k, true);
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

static void staff_volume(Kiosk *k)
{
    k->cfg.volume = k->staff.volume;
    if (!k->voice)
        return;
    voice_set_volume(k->voice, k->cfg.volume);
    /* a short sample at the new volume */
    voice_speak(k->voice, content_ui(k->c, "attract.prompt", k->cfg.lang), k->cfg.lang);
}

/* A test page, or the patient's summary again after her print failed. */
static void staff_print(Kiosk *k, bool test)
{
    if (k->print_thread) {
        staff_message(&k->staff, staff_text(&k->staff, "staff.printer_busy"));
    } else if (test) {
        print_start(k, true);
    } else if (!flow_summary(k->flow)) {
        staff_message(&k->staff, staff_text(&k->staff, "staff.nothing_to_print"));
    } else {
        k->print_reprint = true;
        k->print_sum = flow_summary(k->flow);
        if (print_spawn(k) != 0)
            staff_message(&k->staff, staff_text(&k->staff, "staff.cannot_print"));
    }
}

/* The menu closed: back to the patient's screen, spoken again. Ending the session takes
 * a new flow, and so does the attract screen (in the default language, maybe a new one).
 * A session under way stays, whatever its language: a new default is for the next one
 * (a Spanish-speaking patient's urgent screen once went back to the start when the PIN
 * pad was cancelled, the kiosk's default being English). */
static void staff_closed(Kiosk *k, StaffCommand cmd)
{
    if (cmd == STAFF_LOCKED) /* no digits: the log must not help anyone guess */
        fprintf(stderr, "ppkiosk: staff menu locked after wrong PINs; each lock-out waits "
                        "longer\n");
    k->spoken_valid = false;
    flow_set_default_lang(k->flow, k->fcfg.default_lang);
    if (cmd != STAFF_RESTART && flow_screen(k->flow)->kind != SCR_ATTRACT)
        return;
    /* the summary being printed must outlive the job: the new flow comes once it is done,
       never by waiting for it here (closing the menu during a print that was not
       answering froze the screen on the menu until the job gave up) */
    if (k->print_thread)
        k->replace_flow = true;
    else
        replace_flow(k);
}

/* Carries out what the staff menu asked for. */
static void staff_command(Kiosk *k, StaffCommand cmd)
{
    switch (cmd) {
    case STAFF_CHECK_PIN:
        staff_command(k, staff_unlock(&k->staff, staff_pin_ok(k->cfg.pin, k->staff.typed)));
        break;
    case STAFF_ACKNOWLEDGED: /* staff saw the urgent screen: the patient may go on */
        flow_event(k, flow_urgent_acknowledge(k->flow, URGENT_ACK_STAFF));
        break;
    case STAFF_EXIT:
        fprintf(stderr, "ppkiosk: exit from the staff menu\n");
        k->quit = true;
        break;
    case STAFF_VOLUME:
        staff_volume(k);
        break;
    case STAFF_LANGUAGE:
        k->cfg.lang = k->staff.lang;
        k->fcfg.default_lang = k->cfg.lang;
        break;
    case STAFF_TEST_PAGE:
    case STAFF_REPRINT:
        staff_print(k, cmd == STAFF_TEST_PAGE);
        break;
    case STAFF_LOCKED:
    case STAFF_RESTART:
    case STAFF_CLOSE:
        staff_closed(k, cmd);
        break;
    case STAFF_NONE:
        break;
    }
}

static void open_staff(Kiosk *k, bool ack)
{
    if (!k->cfg.pin[0]) {
        if (k->cfg_invalid)
            fprintf(stderr, "ppkiosk: staff menu off: the configuration is not valid "
                            "(ppkiosk --check-config)\n");
        else
            fprintf(stderr, "ppkiosk: staff menu disabled: no staff_pin in the configuration%s%s\n",
                    k->cfg.path[0] ? " " : "", k->cfg.path);
        return;
    }
    if (k->voice)
        voice_stop_listening(k->voice);
    if (ack)
        staff_open_ack(&k->staff, k->cfg.lang);
    else
        staff_open(&k->staff, k->cfg.volume, k->cfg.lang);
}

/* ---- input -------------------------------------------------------------------------- */

void kiosk_act(Kiosk *k, const UiAction *a)
{
    if (k->voice)
        voice_stop(k->voice);
    if (a->kind == UI_ACT_STAFF_GESTURE) {
        if (!k->staff.open)
            open_staff(k, false);
        return;
    }
    if (a->kind == UI_ACT_ACTIVITY) {
        if (!k->staff.open && !k->print_thread)
            flow_event(k, flow_active(k->flow));
        return;
    }
    if (k->staff.open) {
        if (a->kind == UI_ACT_DIGIT)
            staff_command(k, staff_digit(&k->staff, a->digit));
        else if (a->kind == UI_ACT_PRESS)
            staff_command(
                k, staff_press(&k->staff, strcmp(a->id, UI_ID_ESCAPE) == 0 ? STAFF_ESCAPE : a->id));
        return;
    }
    if (k->print_thread)
        return; /* the summary stays as it is while it prints */
    if (a->kind == UI_ACT_DIGIT)
        flow_event(k, flow_digit(k->flow, a->digit));
    else if (a->kind == UI_ACT_PRESS && strcmp(a->id, UI_ID_ESCAPE) != 0)
        flow_event(k, flow_press(k->flow, a->id));
}

void kiosk_heard(Kiosk *k, const char *text, int confidence)
{
    if (k->staff.open || k->print_thread)
        return;
    flow_event(k, flow_input(k->flow, text, confidence));
}

/* Drains the voice events; returns true when one was a recognition result. */
bool kiosk_voice_drain(Kiosk *k)
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
            kiosk_heard(k, ev.text, ev.confidence);
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
void kiosk_pass_time(Kiosk *k, unsigned ms)
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

/* ---- the interactive loop ------------------------------------------------------------ */

static void run_loop(Kiosk *k)
{
    Uint32 last = SDL_GetTicks();
    bool quit_logged = false;
    while (!k->quit) {
        kiosk_sync_screen(k);
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
                if (ui_handle_event(k->ui, &ev, &a)) {
                    kiosk_act(k, &a);
                    /* the next waiting event meets the screen this one led to, not the
                       one it was meant for (a second press that came with the first once
                       answered the next safety question with the old screen's "No") */
                    kiosk_sync_screen(k);
                } else if (ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_KEYDOWN) {
                    if (k->voice)
                        voice_stop(k->voice);
                }
            } while (SDL_PollEvent(&ev));
        }
        Uint32 now = SDL_GetTicks();
        kiosk_pass_time(k, now - last);
        last = now;
        kiosk_voice_drain(k);
        kiosk_print_poll(k, false);
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
    } else if (voice_note(k->voice)) {
        fprintf(stderr, "ppkiosk: %s\n", voice_note(k->voice));
    }
}

/* Reads the configuration and the environment into k. Returns 0, or the exit code. */
static int configure(Kiosk *k, const AppOptions *o, const Content *c)
{
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
    /* A waiting-room kiosk keeps working with a broken kiosk.conf rather than being
     * restarted into the same error: the reason is logged, every setting of the file is
     * dropped (which of them were meant is not known) and the staff menu stays off */
    if (config_load(&k->cfg, o->config, o->assets_dir) != 0) {
        config_defaults(&k->cfg);
        k->cfg_invalid = true;
        fprintf(stderr, "ppkiosk: starting with the built-in settings and the staff menu off "
                        "until the configuration is fixed (ppkiosk --check-config)\n");
    }
    if (o->lang_given)
        k->cfg.lang = o->lang;
    if (o->printer)
        snprintf(k->cfg.printer, sizeof k->cfg.printer, "%s", o->printer);
    if (paper_parse(k->cfg.paper, &k->paper) != 0)
        k->paper = PAPER_LETTER;
    if (!k->cfg.pin[0] && !k->script && !k->cfg_invalid)
        fprintf(stderr, "ppkiosk: staff menu disabled: no staff_pin in %s\n",
                k->cfg.path[0] ? k->cfg.path : "a configuration file (--config FILE)");
    k->fcfg = (FlowConfig){.safety = k->cfg.safety,
                           .staff_pin = k->cfg.pin[0] != '\0',
                           .default_lang = k->cfg.lang,
                           .idle_ms = k->cfg.idle_ms,
                           .countdown_ms = k->cfg.countdown_ms,
                           .results_idle_ms = k->cfg.results_idle_ms,
                           .confirm_below = VOICE_CONFIRM_BELOW};
    return 0;
}

int app_run_kiosk(const AppOptions *o, const Content *c)
{
    static Kiosk kiosk;
    Kiosk *k = &kiosk;
    int rc = configure(k, o, c);
    if (rc)
        return rc;

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
    k->fcfg.no_listen = !k->voice || !voice_status(k->voice).can_listen;
    flow_set_speech(k->flow, !k->fcfg.no_speech);
    flow_set_listen(k->flow, !k->fcfg.no_listen);
    if (k->script)
        rc = kiosk_run_script(k);
    else {
        run_loop(k);
        rc = 0;
    }
    kiosk_print_poll(k, true);
    voice_close(k->voice);
    ui_close(k->ui);
fail_flow:
    flow_free(k->flow);
fail_sdl:
    SDL_Quit();
    return rc;
}
