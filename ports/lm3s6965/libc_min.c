/*
** libc_min.c -- smaller replacements for pieces of picolibc that the firmware links, each for
** what the libraries actually ask of it (the linker takes these instead of picolibc's: -10 KB).
**
**   strerror   glibc's messages (lua5.1's) for the errno values semihosting and picolibc give
**   localtime  the device has no time zone: local time is UTC (no tzset, no TZ parsing)
**   mktime     UTC, with the normalisation ISO C asks for
**   strftime   the C locale; every conversion of glibc that os.date can pass (one at a time)
**   fscanf     only what io.read("*n") uses: one "%lf", "%f" or "%ld" (nothing else is called)
**   getenv     there is no environment
**   qsort      a Shell sort (debug.getstrings sorts a few hundred strings)
*/
#define _DEFAULT_SOURCE 1     /* gmtime_r */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------- strerror */

/* errno values 1..34 are the same in picolibc and Linux (the host's errno comes through
** semihosting as it is); a few more that a host file system gives, in both numberings */
static const unsigned char errnums[] = {
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
  27, 28, 29, 30, 31, 32, 33, 34, 36, 38, 39, 88, 90, 91
};
static const char errtexts[] =     /* one after the other, in the order of errnums */
  "Operation not permitted\0" "No such file or directory\0" "No such process\0"
  "Interrupted system call\0" "Input/output error\0" "No such device or address\0"
  "Argument list too long\0" "Exec format error\0" "Bad file descriptor\0" "No child processes\0"
  "Resource temporarily unavailable\0" "Cannot allocate memory\0" "Permission denied\0"
  "Bad address\0" "Block device required\0" "Device or resource busy\0" "File exists\0"
  "Invalid cross-device link\0" "No such device\0" "Not a directory\0" "Is a directory\0"
  "Invalid argument\0" "Too many open files in system\0" "Too many open files\0"
  "Inappropriate ioctl for device\0" "Text file busy\0" "File too large\0"
  "No space left on device\0" "Illegal seek\0" "Read-only file system\0" "Too many links\0"
  "Broken pipe\0" "Numerical argument out of domain\0" "Numerical result out of range\0"
  "File name too long\0" "Function not implemented\0" "Directory not empty\0"
  "Function not implemented\0" "Directory not empty\0" "File name too long\0";

char *strerror(int e) {
  static char unknown[24];
  const char *t = errtexts;
  size_t i;
  for (i = 0; i < sizeof errnums; i++, t += strlen(t) + 1)
    if (errnums[i] == e) return (char *)t;
  snprintf(unknown, sizeof unknown, "Unknown error %d", e);
  return unknown;
}

/* ---------------------------------------------------------------- time */

struct tm *localtime(const time_t *t) {
  return gmtime(t);
}

/* days since 1970-01-01 of the date y-m-d, m 1..12 (32-bit arithmetic: no 64-bit division) */
static long days_from_civil(long y, int m, int d) {
  long era, yoe, doy;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

time_t mktime(struct tm *tm) {
  long mon = tm->tm_mon, y = (long)tm->tm_year + 1900 + mon / 12;
  long long t;
  struct tm r;
  time_t tt;
  mon %= 12;
  if (mon < 0) { mon += 12; y--; }
  t = (long long)(days_from_civil(y, (int)mon + 1, 1) + tm->tm_mday - 1);
  t = t * 86400 + (long long)tm->tm_hour * 3600 + (long long)tm->tm_min * 60 + tm->tm_sec;
  tt = (time_t)t;
  if ((long long)tt != t || gmtime_r(&tt, &r) == NULL) { errno = EOVERFLOW; return (time_t)-1; }
  *tm = r;      /* the normalised fields, tm_wday and tm_yday */
  return tt;
}

static const char wdays[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
static const char *const wdayl[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday" };
static const char *const monl[] = { "January", "February", "March", "April", "May", "June",
                                    "July", "August", "September", "October", "November",
                                    "December" };

static int isleap(long y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* ISO 8601 week number (1..53) of tm; *iy gets the week-based year */
static int isoweek(const struct tm *tm, long *iy) {
  long y = (long)tm->tm_year + 1900;
  int wd = (tm->tm_wday + 6) % 7;                 /* Monday 0 */
  int w = (tm->tm_yday - wd + 10) / 7;
  if (w < 1) {
    y--;
    w = (tm->tm_yday + 365 + isleap(y) - wd + 10) / 7;
  } else if (w == 53 && tm->tm_yday - wd + 3 >= 365 + isleap(y)) {
    y++;
    w = 1;
  }
  *iy = y;
  return w;
}

struct out { char *p; size_t left, n; };

static void put(struct out *o, const char *s, size_t n) {
  for (; n > 0; n--, s++, o->n++)
    if (o->left > 1) { *o->p++ = *s; o->left--; }
}

static void putnum(struct out *o, long v, int width, char pad) {
  char b[16], *e = b + sizeof b, *q = e;
  int neg = v < 0;
  unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
  do { *--q = (char)('0' + u % 10); u /= 10; } while (u != 0);
  while (e - q < width - neg) *--q = pad;
  if (neg) *--q = '-';
  put(o, q, (size_t)(e - q));
}

static void fmt(struct out *o, const char *f, const struct tm *tm);

static void conv(struct out *o, char c, const struct tm *tm) {
  long y = (long)tm->tm_year + 1900, iy;
  int h12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
  unsigned wd = (unsigned)tm->tm_wday % 7, mo = (unsigned)tm->tm_mon % 12;
  switch (c) {
    case 'a': put(o, wdays + 3 * wd, 3); break;
    case 'A': put(o, wdayl[wd], strlen(wdayl[wd])); break;
    case 'b': case 'h': put(o, months + 3 * mo, 3); break;
    case 'B': put(o, monl[mo], strlen(monl[mo])); break;
    case 'c': fmt(o, "%a %b %e %H:%M:%S %Y", tm); break;
    case 'C': putnum(o, y / 100, 2, '0'); break;
    case 'd': putnum(o, tm->tm_mday, 2, '0'); break;
    case 'D': case 'x': fmt(o, "%m/%d/%y", tm); break;
    case 'e': putnum(o, tm->tm_mday, 2, ' '); break;
    case 'F': fmt(o, "%Y-%m-%d", tm); break;
    case 'g': isoweek(tm, &iy); putnum(o, (iy % 100 + 100) % 100, 2, '0'); break;
    case 'G': isoweek(tm, &iy); putnum(o, iy, 1, '0'); break;
    case 'H': putnum(o, tm->tm_hour, 2, '0'); break;
    case 'I': putnum(o, h12, 2, '0'); break;
    case 'j': putnum(o, tm->tm_yday + 1, 3, '0'); break;
    case 'k': putnum(o, tm->tm_hour, 2, ' '); break;
    case 'l': putnum(o, h12, 2, ' '); break;
    case 'm': putnum(o, tm->tm_mon + 1, 2, '0'); break;
    case 'M': putnum(o, tm->tm_min, 2, '0'); break;
    case 'n': put(o, "\n", 1); break;
    case 'p': put(o, tm->tm_hour < 12 ? "AM" : "PM", 2); break;
    case 'P': put(o, tm->tm_hour < 12 ? "am" : "pm", 2); break;
    case 'r': fmt(o, "%I:%M:%S %p", tm); break;
    case 'R': fmt(o, "%H:%M", tm); break;
    case 's': {     /* seconds since the epoch: 64 bits, through printf */
      char b[24];
      struct tm c2 = *tm;
      put(o, b, (size_t)snprintf(b, sizeof b, "%lld", (long long)mktime(&c2)));
      break;
    }
    case 'S': putnum(o, tm->tm_sec, 2, '0'); break;
    case 't': put(o, "\t", 1); break;
    case 'T': case 'X': fmt(o, "%H:%M:%S", tm); break;
    case 'u': putnum(o, wd == 0 ? 7 : wd, 1, '0'); break;
    case 'U': putnum(o, (tm->tm_yday + 7 - (int)wd) / 7, 2, '0'); break;
    case 'V': putnum(o, isoweek(tm, &iy), 2, '0'); break;
    case 'w': putnum(o, wd, 1, '0'); break;
    case 'W': putnum(o, (tm->tm_yday + 7 - (int)((wd + 6) % 7)) / 7, 2, '0'); break;
    case 'y': putnum(o, (y % 100 + 100) % 100, 2, '0'); break;
    case 'Y': putnum(o, y, 1, '0'); break;
    case 'z': put(o, "+0000", 5); break;
    case 'Z': put(o, "GMT", 3); break;
    case '%': put(o, "%", 1); break;
    default: put(o, "%", 1); put(o, &c, c != '\0'); break;   /* as glibc: the text itself */
  }
}

static void fmt(struct out *o, const char *f, const struct tm *tm) {
  for (; *f; f++) {
    if (*f != '%') put(o, f, 1);
    else {
      f++;
      conv(o, *f, tm);
      if (*f == '\0') break;
    }
  }
}

size_t strftime(char *s, size_t max, const char *f, const struct tm *tm) {
  struct out o;
  o.p = s;
  o.left = max;
  o.n = 0;
  fmt(&o, f, tm);
  if (max == 0) return 0;
  *o.p = '\0';
  return o.n < max ? o.n : 0;     /* ISO C: 0 when it does not fit */
}

/* ---------------------------------------------------------------- fscanf */

/* Reads the longest prefix of a number as scanf does (one character of push-back, so a prefix
** that cannot end a number, such as "1e+", is a failed match with those characters gone). */
static size_t scan_number(FILE *f, char *b, size_t size, int integral) {
  size_t n = 0;
  int c, hex = 0, digits = 0;
  const char *word = NULL;
#define TAKE() do { if (n + 1 < size) b[n++] = (char)c; c = getc(f); } while (0)
  c = getc(f);
  if (c == '+' || c == '-') TAKE();
  if (!integral && (c == 'i' || c == 'I' || c == 'n' || c == 'N')) {
    word = (c == 'i' || c == 'I') ? "infinity" : "nan";
    while (*word && tolower(c) == *word) { TAKE(); word++; }
  } else {
    if (c == '0') {
      TAKE();
      digits = 1;
      if (!integral && (c == 'x' || c == 'X')) { hex = 1; TAKE(); }
    }
    while (hex ? isxdigit(c) : isdigit(c)) { TAKE(); digits = 1; }
    if (!integral && c == '.') {
      TAKE();
      while (hex ? isxdigit(c) : isdigit(c)) { TAKE(); digits = 1; }
    }
    if (!integral && digits && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
      TAKE();
      if (c == '+' || c == '-') TAKE();
      while (isdigit(c)) TAKE();
    }
  }
#undef TAKE
  ungetc(c, f);
  b[n] = '\0';
  return n;
}

int fscanf(FILE *f, const char *format, ...) {
  char b[80], *end;
  int c, integral = strcmp(format, "%ld") == 0;
  va_list ap;
  if (!integral && strcmp(format, "%lf") != 0 && strcmp(format, "%f") != 0) {
    errno = EINVAL;          /* nothing else in the firmware calls it */
    return EOF;
  }
  do c = getc(f); while (isspace(c));
  if (c == EOF) return EOF;
  ungetc(c, f);
  if (scan_number(f, b, sizeof b, integral) == 0) return 0;
  va_start(ap, format);
  if (integral) {   /* (strtoul, which the libraries link anyway, rather than strtol too) */
    int neg = b[0] == '-';
    unsigned long u = strtoul(b + (neg || b[0] == '+'), &end, 10);
    if (*end == '\0' && end != b + (neg || b[0] == '+'))
      *va_arg(ap, long *) = neg ? (long)(0ul - u) : (long)u;
    else
      end = b;
  } else {
    double v = strtod(b, &end);
    if (*end == '\0') {
      if (format[1] == 'l') *va_arg(ap, double *) = v;
      else *va_arg(ap, float *) = (float)v;
    }
  }
  va_end(ap);
  return *end == '\0' ? 1 : 0;
}

/* ---------------------------------------------------------------- getenv, qsort */

char *getenv(const char *name) {
  (void)name;
  return NULL;
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  static const size_t gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };   /* Ciura's */
  unsigned char *a = (unsigned char *)base;
  size_t g, i, j, k;
  for (g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
    size_t gap = gaps[g];
    for (i = gap; i < n; i++)
      for (j = i; j >= gap && cmp(a + (j - gap) * size, a + j * size) > 0; j -= gap)
        for (k = 0; k < size; k++) {       /* swap the two elements byte by byte */
          unsigned char t = a[(j - gap) * size + k];
          a[(j - gap) * size + k] = a[j * size + k];
          a[j * size + k] = t;
        }
  }
}
