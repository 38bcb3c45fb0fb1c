/* Frame timing for scripts/bench: the current screen redrawn from its cached layout,
 * against an empty clear-and-present frame measured the same way in the same run. */
#include <stdlib.h>

#include "ui_int.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void percentiles(double *t, int n, double *median, double *p99)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    *median = t[n / 2];
    int k = (int)(n * 0.99);
    *p99 = t[k < n ? k : n - 1];
}

void ui_bench(Ui *ui, int frames, FILE *out, const char *label)
{
    if (frames < 10)
        frames = 10;
    double *t = malloc(sizeof *t * (size_t)frames);
    if (!t)
        return;
    double freq = (double)SDL_GetPerformanceFrequency();
    double med[2], p99[2];
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 0)
            ui_render_force(ui); /* warm: the first draw makes the text textures */
        for (int i = 0; i < frames; i++) {
            Uint64 a = SDL_GetPerformanceCounter();
            if (pass == 0)
                ui_render_force(ui);
            else
                ui_render_empty(ui);
            t[i] = (double)(SDL_GetPerformanceCounter() - a) * 1000.0 / freq;
        }
        percentiles(t, frames, &med[pass], &p99[pass]);
    }
    fprintf(out,
            "frame %-10s %dx%d: median %.3f ms, p99 %.3f ms | empty frame: median %.3f ms, "
            "p99 %.3f ms | ratio median %.1fx, p99 %.1fx\n",
            label, ui->w, ui->h, med[0], p99[0], med[1], p99[1], med[1] > 0 ? med[0] / med[1] : 0.0,
            p99[1] > 0 ? p99[0] / p99[1] : 0.0);
    free(t);
}
