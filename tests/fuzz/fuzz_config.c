/* libFuzzer: the kiosk configuration reader on any file. A PIN it accepts is always 4 to
 * 8 digits; anything else is refused with a reason. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

__attribute__((destructor)) static void remove_file(void)
{
    if (path[0])
        unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "%s/ppkiosk-fuzz-conf-%d",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    KioskConfig cfg;
    if (config_load(&cfg, path, NULL) == 0) {
        size_t n = strlen(cfg.pin);
        if (n && (n < 4 || n > 8 || strspn(cfg.pin, "0123456789") != n))
            __builtin_trap();
        if (cfg.volume < 0 || cfg.volume > 100)
            __builtin_trap();
    }
    return 0;
}
