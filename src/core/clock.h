/* Time for the threads and loops that wait (speech, listening, print jobs): a monotonic
 * clock in milliseconds and a sleep. The flow itself never reads the clock: front ends
 * pass time to it with flow_tick(). */
#ifndef PK_CLOCK_H
#define PK_CLOCK_H

/* Milliseconds on a monotonic clock (not the time of day; only differences mean
 * anything). */
double pk_now_ms(void);

/* Sleeps ms milliseconds (0 or less returns at once). */
void pk_sleep_ms(long ms);

#endif
