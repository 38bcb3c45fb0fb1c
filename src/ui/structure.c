/* The structure dump written beside each screenshot (--shots DIR: NAME.json): the
 * screen kind and every box drawn, with its role, text and place, and the paragraphs
 * of the results document with whether they are in view. Tests assert on it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/error.h"
#include "ui_int.h"

static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* The role of a box that did not name one. */
static const char *box_role(const UiBox *b)
{
    if (b->role)
        return b->role;
    switch (b->kind) {
    case BX_PANEL:
        return "panel";
    case BX_TEXT:
        return "text";
    case BX_BUTTON:
        return b->answer ? "option" : "button";
    case BX_REGION:
        return "region";
    case BX_FIGURE:
        return "figure";
    case BX_DOC:
        return "document";
    case BX_VOICE:
        return "voice";
    }
    return "box";
}

static const char *para_role(const DocPara *p)
{
    if (p->role)
        return p->role;
    switch (p->style) {
    case DOC_H2:
    case DOC_H3:
        return "heading";
    case DOC_ITEM:
        return "item";
    case DOC_NOTE:
        return "note";
    case DOC_TEXT:
        break;
    }
    return "text";
}

static void put_rect(FILE *out, SDL_Rect r)
{
    fprintf(out, "\"x\": %d, \"y\": %d, \"w\": %d, \"h\": %d", r.x, r.y, r.w, r.h);
}

FILE *ui_open_private(const char *path)
{
    /* never truncated before it is known to be a file of its own: O_TRUNC emptied
     * the file a second name leads to, and a FIFO held the kiosk on open */
    int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0600);
    if (fd < 0)
        return NULL;
    struct stat st;
    int err = fstat(fd, &st) != 0    ? errno
              : !S_ISREG(st.st_mode) ? EINVAL /* a FIFO or a device */
              : st.st_nlink > 1      ? EMLINK /* a hard link: another name sees it */
                                     : 0;
    int flags = err ? 0 : fcntl(fd, F_GETFL);
    if (!err && (fchmod(fd, 0600) != 0 || ftruncate(fd, 0) != 0 || flags < 0 ||
                 fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0))
        err = errno;
    FILE *f = err ? NULL : fdopen(fd, "w");
    if (!f) {
        err = err ? err : errno;
        close(fd);
        errno = err;
    }
    return f;
}

int ui_save_json(Ui *ui, const char *path)
{
    FILE *out = ui_open_private(path);
    if (!out)
        return PK_EIO;
    const Screen *s = ui->screen;
    fputs("{\"screen\": ", out);
    put_string(out, flow_kind_name(s ? s->kind : SCR_COUNT));
    fprintf(out, ", \"lang\": \"%s\", \"width\": %d, \"height\": %d,\n", lang_code(ui->shown_lang),
            ui->w, ui->h);
    fprintf(out, " \"min_target\": %d, \"min_text\": %d, \"speech\": %s,\n \"boxes\": [",
            ui->m.target_min, ui->m.f_min, ui->voice.can_speak ? "true" : "false");
    for (int i = 0; i < ui->nboxes; i++) {
        const UiBox *b = &ui->boxes[i];
        fputs(i ? ",\n  {" : "\n  {", out);
        fputs("\"id\": ", out);
        put_string(out, b->id);
        fputs(", \"role\": ", out);
        put_string(out, box_role(b));
        fputs(", \"text\": ", out);
        put_string(out, b->text);
        fputs(", ", out);
        put_rect(out, b->r);
        fprintf(out,
                ", \"px\": %d, \"badge\": %d, \"target\": %s, \"selected\": %s, "
                "\"focused\": %s, \"primary\": %s, \"modal\": %s}",
                b->text ? b->px : 0, b->badge,
                (b->kind == BX_BUTTON || b->kind == BX_REGION) && b->id[0] ? "true" : "false",
                b->selected ? "true" : "false", i == ui->focus ? "true" : "false",
                b->primary ? "true" : "false", b->modal ? "true" : "false");
    }
    fputs("\n ],\n \"document\": [", out);
    if (ui->doc_box >= 0) {
        const UiBox *d = &ui->boxes[ui->doc_box];
        int view_h = ui->doc_view_h > 0 ? ui->doc_view_h : d->r.h;
        for (int i = 0; i < ui->ndoc; i++) {
            const DocPara *p = &ui->doc[i];
            SDL_Rect r = {d->tr.x + p->x, d->r.y + p->y - ui->scroll, p->w ? p->w : p->tw, p->h};
            bool visible = r.y >= d->r.y && r.y + r.h <= d->r.y + view_h;
            fputs(i ? ",\n  {" : "\n  {", out);
            fprintf(out, "\"id\": \"doc%d\", \"role\": ", i);
            put_string(out, para_role(p));
            fputs(", \"text\": ", out);
            put_string(out, p->text);
            fputs(", ", out);
            put_rect(out, r);
            fprintf(out, ", \"px\": %d, \"visible\": %s}", p->px, visible ? "true" : "false");
        }
    }
    fputs("\n ]}\n", out);
    int rc = ferror(out) ? PK_EIO : 0;
    if (fclose(out) != 0)
        rc = PK_EIO;
    return rc;
}
