/*
** fl_lex.c -- the lexer. Turns a character stream into Lua 5.1 tokens.
**
** The text of every token is collected in ls->buff while it is read; besides feeding the
** string/number conversion, that text is what syntax error messages quote ("near '3x'"),
** so what ends up in the buffer (quotes, long brackets, ...) matters for compatibility.
** Character classes are the "C" locale ones, computed here without <ctype.h>.
*/
#include "fl_lex.h"
#include "fl_parse.h"

/* reserved words (in token order), then the spellings of the other multi-char tokens */
static const char *const tokname[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  "..", "...", "==", ">=", "<=", "~=", "<number>", "<name>", "<string>", "<eof>"
};

#define c_isdigit(c)   ((unsigned)((c) - '0') < 10u)
#define c_isalpha(c)   ((unsigned)(((c) | 0x20) - 'a') < 26u)
#define c_isalnum(c)   (c_isalpha(c) || c_isdigit(c))
#define c_isspace(c)   ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define c_isnewline(c) ((c) == '\n' || (c) == '\r')

#define nextc(ls)      ((ls)->current = fl_zgetc((ls)->z))

void flX_init(lua_State *L) {
  int i;
  for (i = 0; i < FL_NUM_RESERVED; i++) {
    FString *ts = flS_new(L, tokname[i]);
    if (!flC_isro(fl_obj2gco(ts))) {   /* read-only strings are recognised by name instead */
      flS_fix(ts);
      ts->tsv.reserved = fl_castbyte(i + 1);
    }
  }
}

/* reserved-word test for a read-only name string (its `reserved` byte may not be set) */
static int reserved_by_name(const char *s, size_t l) {
  int i;
  if (l < 2 || l > 8) return 0;
  for (i = 0; i < FL_NUM_RESERVED; i++)
    if (strcmp(tokname[i], s) == 0) return i + FL_FIRST_RESERVED;
  return 0;
}

const char *flX_token2str(FLexState *ls, int token) {
  if (token < FL_FIRST_RESERVED) {
    if (token < 32 || token == 127)       /* control character */
      return flO_pushfstring(ls->L, "char(%d)", token);
    return flO_pushfstring(ls->L, "%c", token);
  }
  return tokname[token - FL_FIRST_RESERVED];
}

static void save(FLexState *ls, int c) {
  FMbuf *b = ls->buff;
  if (b->n + 1 > b->size) {
    if (b->size >= FL_MAX_SIZET / 2)
      flX_lexerror(ls, "lexical element too long", 0);
    flZ_resizebuffer(ls->L, b, b->size * 2);
  }
  b->buffer[b->n++] = (char)c;
}

#define save_next(ls)  (save(ls, (ls)->current), nextc(ls))

/* text shown after "near" for a token */
static const char *tokentext(FLexState *ls, int token) {
  switch (token) {
    case TK_NAME: case TK_STRING: case TK_NUMBER:
      save(ls, '\0');
      return ls->buff->buffer;
    default:
      return flX_token2str(ls, token);
  }
}

void flX_lexerror(FLexState *ls, const char *msg, int token) {
  char src[80];   /* 5.1 names the chunk in compile errors with 80 bytes, not LUA_IDSIZE */
  flO_chunkid(src, fl_getstr(ls->source), sizeof(src));
  msg = flO_pushfstring(ls->L, "%s:%d: %s", src, ls->linenumber, msg);
  if (token)
    flO_pushfstring(ls->L, "%s near '%s'", msg, tokentext(ls, token));
  flD_throw(ls->L, LUA_ERRSYNTAX);
}

void flX_syntaxerror(FLexState *ls, const char *msg) {
  flX_lexerror(ls, msg, ls->t.token);
}

/* Interns a string and keeps it alive by entering it in the constant lookup table of the
** function being compiled (as key, with value true; constants have a number there). */
FString *flX_newstring(FLexState *ls, const char *s, size_t l) {
  lua_State *L = ls->L;
  FString *ts;
  FValue *o;
  flD_checkstack(L, 1);              /* (may allocate: before ts exists) */
  ts = flS_newlstr(L, s, l);
  fl_setstr(L, L->top, ts);        /* anchor it while the table may grow */
  L->top++;
  o = flH_setstr(L, ls->fs->h, ts);
  if (fl_isnil(o)) {
    fl_setbool(o, 1);
    flC_checkGC(L);
  }
  L->top--;
  return ts;
}

/* skips a newline sequence: \n, \r, \n\r or \r\n */
static void newline(FLexState *ls) {
  int first = ls->current;
  nextc(ls);
  if (c_isnewline(ls->current) && ls->current != first)
    nextc(ls);
  if (++ls->linenumber >= FL_MAX_INT)
    flX_syntaxerror(ls, "chunk has too many lines");
}

void flX_setinput(lua_State *L, FLexState *ls, FZio *z, FString *source) {
  ls->L = L;
  ls->lookahead.token = TK_EOS;
  ls->z = z;
  ls->fs = NULL;
  ls->linenumber = 1;
  ls->lastline = 1;
  ls->source = source;
  flZ_resizebuffer(L, ls->buff, FL_MINBUFFER);
  nextc(ls);
}

/* accepts the current char if it is in `set` (note: like 5.1, a NUL char also matches) */
static int accept(FLexState *ls, const char *set) {
  if (ls->current == FL_EOZ || strchr(set, ls->current) == NULL) return 0;
  save_next(ls);
  return 1;
}

/* reads '[' '='* '[' (or the ']' form): returns the level, or -(level)-1 if the second
** bracket is missing */
static int bracket_level(FLexState *ls) {
  int level = 0;
  int b = ls->current;
  save_next(ls);
  while (ls->current == '=') {
    save_next(ls);
    level++;
  }
  return (ls->current == b) ? level : -level - 1;
}

static void long_string(FLexState *ls, FSemInfo *si, int level) {
  save_next(ls);                      /* second '[' */
  if (c_isnewline(ls->current))       /* a first newline is not part of the string */
    newline(ls);
  for (;;) {
    switch (ls->current) {
      case FL_EOZ:
        flX_lexerror(ls, si ? "unfinished long string" : "unfinished long comment", TK_EOS);
        break;
      case '[':                       /* 5.1 compatibility: nested [[ at level 0 is an error */
        if (bracket_level(ls) == level) {
          save_next(ls);
          if (level == 0)
            flX_lexerror(ls, "nesting of [[...]] is deprecated", '[');
        }
        break;
      case ']':
        if (bracket_level(ls) == level) {
          save_next(ls);
          goto done;
        }
        break;
      case '\n': case '\r':
        save(ls, '\n');
        newline(ls);
        if (!si) ls->buff->n = 0;    /* comments need no text */
        break;
      default:
        if (si) save_next(ls);
        else nextc(ls);
    }
  }
done:
  if (si)
    si->ts = flX_newstring(ls, ls->buff->buffer + (2 + level),
                           ls->buff->n - 2 * (2 + (size_t)level));
}

static void quoted_string(FLexState *ls, int quote, FSemInfo *si) {
  save_next(ls);                      /* the opening quote is kept for error messages */
  while (ls->current != quote) {
    switch (ls->current) {
      case FL_EOZ:
        flX_lexerror(ls, "unfinished string", TK_EOS);
        break;
      case '\n': case '\r':
        flX_lexerror(ls, "unfinished string", TK_STRING);
        break;
      case '\\': {
        int c;
        nextc(ls);                    /* the backslash is not kept */
        switch (ls->current) {
          case 'a': c = '\a'; break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'n': c = '\n'; break;
          case 'r': c = '\r'; break;
          case 't': c = '\t'; break;
          case 'v': c = '\v'; break;
          case '\n': case '\r':
            save(ls, '\n');
            newline(ls);
            continue;
          case FL_EOZ:
            continue;                 /* reported by the loop */
          default:
            if (!c_isdigit(ls->current)) {
              save_next(ls);          /* \\ \" \' and any other char: itself */
            }
            else {                    /* \ddd, at most 3 digits */
              int i = 0;
              c = 0;
              do {
                c = 10 * c + (ls->current - '0');
                nextc(ls);
              } while (++i < 3 && c_isdigit(ls->current));
              if (c > UCHAR_MAX)
                flX_lexerror(ls, "escape sequence too large", TK_STRING);
              save(ls, c);
            }
            continue;
        }
        save(ls, c);
        nextc(ls);
        break;
      }
      default:
        save_next(ls);
    }
  }
  save_next(ls);                      /* closing quote */
  si->ts = flX_newstring(ls, ls->buff->buffer + 1, ls->buff->n - 2);
}

/* 5.1 reads a numeral greedily (digits and dots, an exponent, then any alphanumerics) and
** lets the converter decide whether it is valid: "3..2" and "3x" are malformed. */
static void numeral(FLexState *ls, FSemInfo *si) {
  do {
    save_next(ls);
  } while (c_isdigit(ls->current) || ls->current == '.');
  if (accept(ls, "Ee"))
    accept(ls, "+-");
  while (c_isalnum(ls->current) || ls->current == '_')
    save_next(ls);
  save(ls, '\0');
  if (!flO_str2d(ls->buff->buffer, &si->r))
    flX_lexerror(ls, "malformed number", TK_NUMBER);
}

static int lex(FLexState *ls, FSemInfo *si) {
  ls->buff->n = 0;
  for (;;) {
    int c = ls->current;
    switch (c) {
      case '\n': case '\r':
        newline(ls);
        continue;
      case '-':
        nextc(ls);
        if (ls->current != '-') return '-';
        nextc(ls);                    /* a comment */
        if (ls->current == '[') {
          int level = bracket_level(ls);
          ls->buff->n = 0;
          if (level >= 0) {
            long_string(ls, NULL, level);
            ls->buff->n = 0;
            continue;
          }
        }
        while (!c_isnewline(ls->current) && ls->current != FL_EOZ)
          nextc(ls);
        continue;
      case '[': {
        int level = bracket_level(ls);
        if (level >= 0) {
          long_string(ls, si, level);
          return TK_STRING;
        }
        if (level == -1) return '[';
        flX_lexerror(ls, "invalid long string delimiter", TK_STRING);
        return 0;
      }
      case '=':
        nextc(ls);
        if (ls->current != '=') return '=';
        nextc(ls);
        return TK_EQ;
      case '<':
        nextc(ls);
        if (ls->current != '=') return '<';
        nextc(ls);
        return TK_LE;
      case '>':
        nextc(ls);
        if (ls->current != '=') return '>';
        nextc(ls);
        return TK_GE;
      case '~':
        nextc(ls);
        if (ls->current != '=') return '~';
        nextc(ls);
        return TK_NE;
      case '"': case '\'':
        quoted_string(ls, c, si);
        return TK_STRING;
      case '.':
        save_next(ls);
        if (accept(ls, ".")) {
          if (accept(ls, ".")) return TK_DOTS;
          return TK_CONCAT;
        }
        if (!c_isdigit(ls->current)) return '.';
        numeral(ls, si);
        return TK_NUMBER;
      case FL_EOZ:
        return TK_EOS;
      default:
        if (c_isspace(c)) {
          nextc(ls);
          continue;
        }
        if (c_isdigit(c)) {
          numeral(ls, si);
          return TK_NUMBER;
        }
        if (c_isalpha(c) || c == '_') {
          FString *ts;
          int r;
          do {
            save_next(ls);
          } while (c_isalnum(ls->current) || ls->current == '_');
          ts = flX_newstring(ls, ls->buff->buffer, ls->buff->n);
          if (ts->tsv.reserved > 0)
            return ts->tsv.reserved - 1 + FL_FIRST_RESERVED;
          if (flC_isro(fl_obj2gco(ts)) &&
              (r = reserved_by_name(fl_getstr(ts), ts->tsv.len)) != 0)
            return r;
          si->ts = ts;
          return TK_NAME;
        }
        nextc(ls);                    /* any other char is a token by itself */
        return c;
    }
  }
}

void flX_next(FLexState *ls) {
  ls->lastline = ls->linenumber;
  if (ls->lookahead.token != TK_EOS) {
    ls->t = ls->lookahead;
    ls->lookahead.token = TK_EOS;
  }
  else
    ls->t.token = lex(ls, &ls->t.seminfo);
}

void flX_lookahead(FLexState *ls) {
  ls->lookahead.token = lex(ls, &ls->lookahead.seminfo);
}
