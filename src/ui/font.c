/* Fonts and text: DejaVu Sans found on the system, one TTF_Font per pixel size opened
 * on first use, word wrapping measured with the same fonts that render, so a text that
 * measured as fitting is drawn exactly as measured. */
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "ui_int.h"

static const char *const font_dirs[] = {
    "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",       "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",           "/usr/local/share/fonts/dejavu",
};

static const char *const font_files[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

static bool file_readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

static bool try_dir(Ui *ui, const char *dir)
{
    for (int i = 0; i < 2; i++) {
        int n = snprintf(ui->font_path[i], sizeof ui->font_path[i], "%s/%s", dir, font_files[i]);
        if (n < 0 || (size_t)n >= sizeof ui->font_path[i] || !file_readable(ui->font_path[i]))
            return false;
    }
    return true;
}

/* Finds DejaVuSans.ttf and DejaVuSans-Bold.ttf, first in font_dir (if any), then in the
 * usual system places. Returns 0, or PK_ENOENT with the reason in why. */
int ui_font_find(Ui *ui, const char *font_dir, PkWhy *why)
{
    if (font_dir && try_dir(ui, font_dir))
        return 0;
    for (size_t i = 0; i < sizeof font_dirs / sizeof font_dirs[0]; i++)
        if (try_dir(ui, font_dirs[i]))
            return 0;
    return pk_fail(why, PK_ENOENT, "DejaVu Sans fonts not found (install fonts-dejavu-core)");
}

/* The font at px (clamped to 8..UI_FONT_MAX_PX), opened on first use; NULL on failure. */
TTF_Font *ui_font_get(Ui *ui, int px, bool bold)
{
    if (px < 8)
        px = 8;
    if (px > UI_FONT_MAX_PX)
        px = UI_FONT_MAX_PX;
    TTF_Font **slot = &ui->fonts[bold ? 1 : 0][px];
    if (!*slot)
        *slot = TTF_OpenFont(ui->font_path[bold ? 1 : 0], px);
    return *slot;
}

int ui_text_line_height(Ui *ui, int px, bool bold)
{
    TTF_Font *f = ui_font_get(ui, px, bold);
    return f ? TTF_FontLineSkip(f) : px;
}

static int measure_span(Ui *ui, TTF_Font *f, const char *s, int len)
{
    if (len <= 0)
        return 0;
    if ((size_t)len >= sizeof ui->scratch)
        len = (int)sizeof ui->scratch - 1;
    memcpy(ui->scratch, s, (size_t)len);
    ui->scratch[len] = '\0';
    int w = 0, h = 0;
    int rc = TTF_SizeUTF8(f, ui->scratch, &w, &h);
    wipe(ui->scratch, (size_t)len); /* it may be a patient's words */
    return rc == 0 ? w : 0;
}

int ui_text_wrap(Ui *ui, const char *text, int px, bool bold, int width, int *wout, bool *overflow)
{
    TTF_Font *f = ui_font_get(ui, px, bold);
    int n = 0, widest = 0;
    *overflow = false;
    if (!f || !text || !*text) {
        *wout = 0;
        return 0;
    }
    const char *p = text;
    while (*p && n < UI_MAX_LINES) {
        /* one line: take words while they fit */
        const char *line = p, *end = p, *q = p;
        int lw = 0;
        while (*q && *q != '\n') {
            const char *w_end = q;
            while (*w_end == ' ')
                w_end++;
            while (*w_end && *w_end != ' ' && *w_end != '\n')
                w_end++;
            int cand = measure_span(ui, f, line, (int)(w_end - line));
            if (cand > width && end != line)
                break;
            if (cand > width)
                *overflow = true; /* a single word wider than the line */
            end = w_end;
            lw = cand;
            q = w_end;
        }
        ui->lines[n].start = (int)(line - text);
        ui->lines[n].len = (int)(end - line);
        n++;
        if (lw > widest)
            widest = lw;
        p = end;
        if (*p == '\n')
            p++;
        while (*p == ' ')
            p++;
    }
    if (*p)
        *overflow = true;
    *wout = widest;
    return n;
}

void ui_text_measure(Ui *ui, const char *text, int px, bool bold, int width, int *w, int *h,
                     bool *overflow)
{
    int n = ui_text_wrap(ui, text, px, bold, width, w, overflow);
    *h = n * ui_text_line_height(ui, px, bold);
}

int ui_text_fit(Ui *ui, const char *text, bool bold, int max_px, int min_px, int w, int h)
{
    if (max_px < min_px)
        max_px = min_px;
    for (int px = max_px; px > min_px; px -= px > 40 ? 3 : 2) {
        int tw, th;
        bool over;
        ui_text_measure(ui, text, px, bold, w, &tw, &th, &over);
        if (!over && th <= h && tw <= w)
            return px;
    }
    return min_px;
}

SDL_Texture *ui_text_render(Ui *ui, const char *text, int px, bool bold, SDL_Color fg, int width,
                            bool center, int *tw, int *th)
{
    TTF_Font *f = ui_font_get(ui, px, bold);
    int w;
    bool over;
    *tw = *th = 0;
    if (!f || !text || !*text)
        return NULL;
    int n = ui_text_wrap(ui, text, px, bold, width, &w, &over);
    int skip = TTF_FontLineSkip(f);
    if (n == 0 || w <= 0)
        return NULL;
    SDL_Surface *all = SDL_CreateRGBSurfaceWithFormat(0, w, n * skip, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!all)
        return NULL;
    SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, fg.r, fg.g, fg.b, 0));
    SDL_SetSurfaceBlendMode(all, SDL_BLENDMODE_NONE);
    for (int i = 0; i < n; i++) {
        int len = ui->lines[i].len;
        if (len <= 0)
            continue;
        if ((size_t)len >= sizeof ui->scratch)
            len = (int)sizeof ui->scratch - 1;
        memcpy(ui->scratch, text + ui->lines[i].start, (size_t)len);
        ui->scratch[len] = '\0';
        SDL_Surface *line = TTF_RenderUTF8_Blended(f, ui->scratch, fg);
        wipe(ui->scratch, (size_t)len);
        if (!line)
            continue;
        SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_NONE);
        SDL_Rect dst = {center ? (w - line->w) / 2 : 0, i * skip, line->w, line->h};
        SDL_BlitSurface(line, NULL, all, &dst);
        SDL_FreeSurface(line);
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(ui->ren, all);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    *tw = all->w;
    *th = all->h;
    SDL_FreeSurface(all);
    return t;
}
