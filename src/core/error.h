/* One error scheme for the whole program: functions that can fail return 0 or a
 * negative PK_E* code. A message for the person in front of the kiosk is built once,
 * where the failure meets the user, from pk_strerror() plus context. */
#ifndef PK_ERROR_H
#define PK_ERROR_H

enum {
    PK_OK = 0,
    PK_ENOMEM = -1,   /* out of memory */
    PK_EIO = -2,      /* a file could not be read or written */
    PK_ECONTENT = -3, /* the content files are invalid */
    PK_EINVAL = -4,   /* bad argument or bad input */
    PK_ENOENT = -5,   /* no such question, option or file */
    PK_ENODEV = -6,   /* no microphone, speaker, display or printer */
    PK_EDEVICE = -7,  /* a device failed while in use */
    PK_EPRINT = -8,   /* the printer refused or failed the job */
    PK_ESTATE = -9,   /* not allowed at this point of the interview */
    PK_EAUDIO = -10,  /* audio data could not be decoded */
};

/* Returns a short English sentence for an error code; never NULL. */
const char *pk_strerror(int err);

/* The one channel for failure details: a function that can fail takes a PkWhy * (NULL when
 * the caller does not care) and, when it fails, writes a one-line reason for staff into it
 * ("voice.conf:3: rate must be 80-450"). Libraries never print; src/app prints the reason
 * once, where the failure meets the user. A PkWhy is plain caller-owned storage; text is ""
 * until a failure fills it. Never put patient answers into a reason. */
enum { PK_WHY_MAX = 256 };
typedef struct {
    char text[PK_WHY_MAX];
} PkWhy;

/* Clears the reason. why may be NULL. */
void pk_why_clear(PkWhy *why);

/* Writes a printf-style reason into why (truncated to fit; why may be NULL) and returns err,
 * so a failing function can say `return pk_fail(why, PK_EIO, "cannot read %s", path);`.
 * Control characters (C0, DEL, C1) and bytes that are not UTF-8 show as '?': the reason
 * is one line, whatever words of a file it quotes. */
int pk_fail(PkWhy *why, int err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The reason when one was written, otherwise pk_strerror(err): what the app prints. */
const char *pk_why_text(const PkWhy *why, int err);

#endif
