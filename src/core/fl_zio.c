/*
** fl_zio.c -- buffered input streams (lexer, undump) and growable character buffers.
*/
#include "fl_core.h"

void flZ_init(lua_State *L, FZio *z, lua_Reader reader, void *data) {
  z->L = L;
  z->reader = reader;
  z->data = data;
  z->n = 0;
  z->p = NULL;
}

/* Ask the reader for the next piece; return its first character (consumed) or FL_EOZ. */
int flZ_fill(FZio *z) {
  size_t len;
  const char *piece = z->reader(z->L, z->data, &len);
  if (piece == NULL || len == 0) {
    z->n = 0;   /* fl_zgetc decremented n past 0: keep the stream empty */
    return FL_EOZ;
  }
  z->n = len - 1;
  z->p = piece;
  return (int)(unsigned char)*z->p++;
}

/* Next character without consuming it. */
int flZ_lookahead(FZio *z) {
  if (z->n == 0) {
    if (flZ_fill(z) == FL_EOZ) return FL_EOZ;
    z->n++;     /* give the character back */
    z->p--;
  }
  return (int)(unsigned char)*z->p;
}

size_t flZ_read(FZio *z, void *b, size_t n) {
  char *dst = (char *)b;
  while (n > 0) {
    size_t m;
    if (flZ_lookahead(z) == FL_EOZ) return n;
    m = (n <= z->n) ? n : z->n;
    memcpy(dst, z->p, m);
    z->n -= m;
    z->p += m;
    dst += m;
    n -= m;
  }
  return 0;
}

char *flZ_openspace(lua_State *L, FMbuf *buff, size_t n) {
  if (n > buff->size) {
    if (n < FL_MINBUFFER) n = FL_MINBUFFER;
    flZ_resizebuffer(L, buff, n);
  }
  return buff->buffer;
}
