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

#endif
