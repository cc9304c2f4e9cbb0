/*
** fl_lex.h -- private interface of the lexer (fl_lex.c), shared with the parser.
*/
#ifndef fl_lex_h
#define fl_lex_h

#include "fl_core.h"

/* single-character tokens are their own character code; the others start here */
#define FL_FIRST_RESERVED 257

/* the reserved words first (alphabetical, as flX_init numbers them), then the other tokens */
enum FlToken {
  TK_AND = FL_FIRST_RESERVED, TK_BREAK, TK_DO, TK_ELSE, TK_ELSEIF, TK_END, TK_FALSE,
  TK_FOR, TK_FUNCTION, TK_IF, TK_IN, TK_LOCAL, TK_NIL, TK_NOT, TK_OR, TK_REPEAT,
  TK_RETURN, TK_THEN, TK_TRUE, TK_UNTIL, TK_WHILE,
  TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE, TK_NUMBER, TK_NAME, TK_STRING, TK_EOS
};

#define FL_NUM_RESERVED ((int)(TK_WHILE - FL_FIRST_RESERVED + 1))

typedef union FSemInfo {
  lua_Number r;           /* TK_NUMBER */
  FString *ts;            /* TK_NAME, TK_STRING */
} FSemInfo;

typedef struct FToken {
  int token;
  FSemInfo seminfo;
} FToken;

struct FFuncState;

typedef struct FLexState {
  int current;            /* current character (or FL_EOZ) */
  int linenumber;         /* line of the current character */
  int lastline;           /* line of the last token consumed */
  FToken t;               /* current token */
  FToken lookahead;       /* TK_EOS when there is none */
  struct FFuncState *fs;  /* function being compiled */
  lua_State *L;
  FZio *z;
  FMbuf *buff;            /* text of the token being read */
  FString *source;
} FLexState;

void flX_setinput(lua_State *L, FLexState *ls, FZio *z, FString *source);
FString *flX_newstring(FLexState *ls, const char *s, size_t l);
void flX_next(FLexState *ls);
void flX_lookahead(FLexState *ls);
void flX_lexerror(FLexState *ls, const char *msg, int token);
void flX_syntaxerror(FLexState *ls, const char *msg);
const char *flX_token2str(FLexState *ls, int token);

#endif
