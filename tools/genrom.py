#!/usr/bin/env python3
"""genrom.py -- build-time generator of flashlua's read-only data (FL_ROM builds).

Emits, into the build directory:
  fl_rom.h          struct types and extern declarations of the ROM strings, closures, tables
  fl_romstr.c       the fixed strings as constant FString objects (members of one object, in
                    bucket order) + the FROStrTab that lua_newstate plugs into G->rostrt[0]
                    (found by interning before RAM)
  fl_romtab.c       the read-only tables (nodes + FTable), see TABLES below
  rom_<lib>.inc     one per library source: the constant C closures of its (static) C
                    functions, #included at the end of the library's .c file

Hash layout: a string key goes to its main position (hash & (size-1)) when free, otherwise to
a free node chained from its main position; every key in a chain shares the main position, so
flH_getstr/flH_get/flH_next work unchanged on these tables. Hash: flS_hash with seed 0.
C designated initializers only: the compiler lays out the structs, so the same source serves
32- and 64-bit targets (on arm-none-eabi all of it is .rodata).

usage: genrom.py SRCLIBDIR STRINGLIST OUTDIR
"""
import os
import re
import sys

# luaL_Reg arrays of the library sources: name -> (source, array). The generated tables must
# match them (the RAM build registers them): a typedef fails the build if a count differs.
REGS = {
    'string': ('fl_strlib.c', 'strlib'),
    'table': ('fl_tablib.c', 'tab_funcs'),
    'math': ('fl_mathlib.c', 'math_funcs'),
    'math_int': ('fl_mathlib.c', 'math_funcs', 0),
    'os': ('fl_oslib.c', 'os_funcs'),
    'debug': ('fl_dblib.c', 'db_funcs'),
    'coroutine': ('fl_baselib.c', 'co_funcs'),
    'base': ('fl_baselib.c', 'base_funcs'),
    'io': ('fl_iolib.c', 'io_funcs'),
    'file': ('fl_iolib.c', 'file_methods'),
    'package': ('fl_loadlib.c', 'pk_funcs'),
    'globals_pk': ('fl_loadlib.c', 'global_funcs'),
    'node': ('fl_nodelib.c', 'node_funcs'),
    'lfs': ('fl_nodelib.c', 'lfs_funcs'),
}

LIBTABS = ['string', 'table', 'math', 'io', 'os', 'debug', 'coroutine', 'package', 'node']


def F(src, fn):
    return ('func', src, fn)


def T(name):
    return ('tab', name)


# name -> dict(entries=[(key, value)], regs=[reg names], meta=, lazy=(src, fn), patch=bool)
# Tables with patch=True are visible to Lua (FL_ROPATCH: writable through an overlay); the
# others are the back tables of the RAM globals, registry and _LOADED (fl_rotab.c).
TABLES = {
    'string': dict(regs=['string'], extra=[('gfind', ('alias', 'gmatch'))]),
    'strmt': dict(entries=[('__index', T('string'))]),
    'table': dict(regs=['table']),
    # the math table is defined in fl_mathlib.c (its constants are there), in two variants
    'math': dict(regs=['math'], extra=[('pi', ('num', 'PI')), ('huge', ('num', 'NUM_HUGE')),
                                        ('mod', ('alias', 'fmod'))],
                 home='fl_mathlib.c', guard='!defined(FL_NUMBER_INTEGRAL)'),
    'math_int': dict(regs=['math_int'], extra=[('huge', ('num', 'INT32_MAX'))], cname='math',
                     home='fl_mathlib.c', guard='defined(FL_NUMBER_INTEGRAL)'),
    'os': dict(regs=['os']),
    'debug': dict(regs=['debug'], entries=[('getstrings', F('fl_nodelib.c', 'db_getstrings'))]),
    'coroutine': dict(regs=['coroutine']),
    'io': dict(regs=['io'], lazy=('fl_iolib.c', 'io_fill')),
    'filemt': dict(regs=['file'], entries=[('__index', T('filemt'))]),
    'package': dict(regs=['package'], lazy=('fl_loadlib.c', 'pk_fill')),
    'libmt': dict(entries=[('__gc', F('fl_loadlib.c', 'lib_gc'))]),
    'node': dict(regs=['node'], entries=[('LFS', T('lfs'))]),
    'lfs': dict(regs=['lfs'], meta='lfsmt'),
    'lfsmt': dict(entries=[('__index', F('fl_nodelib.c', 'lfs_index'))]),
    # what luaopen_base puts in _G
    'base': dict(regs=['base'], entries=[('pairs', F('fl_baselib.c', 'b_pairs')),
                                         ('ipairs', F('fl_baselib.c', 'b_ipairs')),
                                         ('newproxy', F('fl_baselib.c', 'b_newproxy')),
                                         ('coroutine', T('coroutine'))], patch=False),
    # what luaL_openlibs puts in package.loaded and in _G: a chain (the `metatable` field of a
    # back table, fl_rotab.c) of the base functions (base's nodes), the libraries (LOADED's
    # nodes) and package's two globals; no node is stored twice
    'LOADED': dict(entries=[(n, T(n)) for n in LIBTABS], patch=False),
    'G': dict(view='base', chain='Glibs', patch=False),
    'Glibs': dict(view='LOADED', chain='Gpk', patch=False),
    'Gpk': dict(regs=['globals_pk'], patch=False),
    'REG': dict(entries=[('FILE*', T('filemt')), ('_LOADLIB', T('libmt'))], patch=False),
}


def lhash(s):
    b = s.encode('latin-1')
    l = len(b)
    h = l & 0xffffffff
    step = (l >> 5) + 1
    i = l
    while i >= step:
        h ^= ((h << 5) + (h >> 2) + b[i - 1]) & 0xffffffff
        h &= 0xffffffff
        i -= step
    return h


def cstr(s):
    out = []
    for ch in s.encode('latin-1'):
        c = chr(ch)
        if c in '"\\':
            out.append('\\' + c)
        elif 32 <= ch < 127 and c != '?':
            out.append(c)
        else:
            out.append('\\%03o' % ch)
    return '"' + ''.join(out) + '"'


def parse_reg(text, arr, which=-1):
    # mathlib has an integer (first) and a float (last) variant under #if
    ms = list(re.finditer(r'luaL_Reg\s+' + re.escape(arr) + r'\s*\[\s*\]\s*=\s*\{(.*?)\{\s*NULL', text, re.S))
    if not ms:
        sys.exit('genrom.py: array %s not found' % arr)
    body = ms[which].group(1)
    return re.findall(r'\{\s*"([^"]+)"\s*,\s*(\w+)\s*\}', body)


def cname(src, fn):
    return 'flR_f_%s_%s' % (src.replace('.c', ''), fn)


def main():
    srcdir, strlist, outdir = sys.argv[1:4]
    strings = {}

    def sid(s):
        if s not in strings:
            strings[s] = len(strings)
        return strings[s]

    with open(strlist, encoding='latin-1') as f:
        for line in f:
            line = line.rstrip('\n')
            if line:
                sid(line)
    for name in LIBTABS:
        sid(name)

    regs = {}
    texts = {}
    for rname, (src, arr, *which) in REGS.items():
        if src not in texts:
            with open(os.path.join(srcdir, src), encoding='latin-1') as f:
                texts[src] = f.read()
        regs[rname] = parse_reg(texts[src], arr, *which)

    # resolve every table's entries: key -> value
    tabs = {}
    # src -> ordered set of C functions; pairs and ipairs hand out iterators no table holds
    closures = {'fl_baselib.c': {'ipairs_step': 1, 'pairs_next': 1}}
    for name, spec in TABLES.items():
        entries = []
        funcs = {}
        for rname in spec.get('regs', []):
            src = REGS[rname][0]
            for k, fn in regs[rname]:
                entries.append((k, F(src, fn)))
                funcs[k] = F(src, fn)
        for k, (kind, v) in spec.get('extra', []):
            entries.append((k, funcs[v] if kind == 'alias' else ('num', v)))
        entries += spec.get('entries', [])
        keys = [k for k, _ in entries]
        if len(keys) != len(set(keys)):
            sys.exit('genrom.py: duplicate key in table %s' % name)
        home = {} if 'home' in spec else closures
        for k, v in entries:
            sid(k)
            if v[0] == 'func':
                home.setdefault(v[1], {})[v[2]] = 1
        spec['closures'] = home
        if 'lazy' in spec:
            closures.setdefault(spec['lazy'][0], {})[spec['lazy'][1]] = 1
        tabs[name] = entries

    for name, spec in TABLES.items():      # a chain of back tables: a key twice, same value
        seen, c = {}, name
        while c is not None:
            for k, v in tabs[TABLES[c].get('view', c)]:
                if seen.setdefault(k, v) != v:
                    sys.exit('genrom.py: %s differs in the chain of %s' % (k, name))
            c = TABLES[c].get('chain')

    # string buckets: about two strings per bucket (a bucket is walked, offsets are 2 bytes)
    nb = 1
    while nb * 2 < len(strings):
        nb *= 2
    order = sorted(strings.items(), key=lambda kv: (lhash(kv[0]) & (nb - 1), kv[1]))

    # ---- fl_rom.h
    lens = sorted({len(s.encode('latin-1')) for s in strings})
    h = ['/* generated by tools/genrom.py: do not edit */',
         '#ifndef fl_rom_h', '#define fl_rom_h', '#include "fl_core.h"']
    for n in lens:
        h.append('struct flR_S%d { FString h; char s[%d]; };' % (n, n + 1))
    # all the strings in one object, in the order of their buckets (fl_romstr.c walks a bucket)
    h.append('struct flR_Strs {')
    for s, i in order:
        h.append('  struct flR_S%d s%d;   /* %s */'
                 % (len(s.encode('latin-1')), i, cstr(s).replace('*/', '*\\/')))
    h.append('};')
    h.append('extern const struct flR_Strs flR_str;')
    for src, fns in closures.items():
        for fn in fns:
            h.append('extern const FCClosure %s;' % cname(src, fn))
    for name, spec in TABLES.items():
        if spec.get('cname', name) == name:
            h.append('extern const FTable flR_%s;' % name)
    h.append('extern const FROStrTab flR_strtab;')
    h.append('extern const FString *const flR_fixed[%d];   /* sorted bytewise */' % len(strings))
    h.append('#endif')
    with open(os.path.join(outdir, 'fl_rom.h'), 'w') as f:
        f.write('\n'.join(h) + '\n')

    # ---- fl_romstr.c: the strings (one object, bucket by bucket) + the byte offset of each
    # bucket in it; a string's size follows from its length (RSZ, checked against the structs)
    c = ['/* generated by tools/genrom.py: do not edit */', '#include <stddef.h>',
         '#include "fl_rom.h"', 'const struct flR_Strs flR_str = {']
    for s, i in order:
        b = s.encode('latin-1')
        c.append('  .s%d = {{.tsv = {.next = NULL, .tt = LUA_TSTRING, .marked = FL_READONLY_MARK, '
                 '.reserved = 0, .hash = %uu, .len = %d}}, %s},' % (i, lhash(s), len(b), cstr(s)))
    c.append('};')
    c.append('struct flR_A { char c; FString s; };')
    c.append('#define RSZ(l)  ((sizeof(FString) + (l) + offsetof(struct flR_A, s)) / '
             'offsetof(struct flR_A, s) * offsetof(struct flR_A, s))')
    for n in lens:
        c.append('typedef char flR_check_S%d[sizeof(struct flR_S%d) == RSZ(%d) ? 1 : -1];' % (n, n, n))
    c.append('typedef char flR_check_str[(sizeof(flR_str) == %s && sizeof(flR_str) <= 65535u) ? 1 : -1];'
             % ' + '.join('sizeof(struct flR_S%d)' % n for n in
                          sorted(len(s.encode('latin-1')) for s in strings)))
    first = {}
    for s, i in order:
        first.setdefault(lhash(s) & (nb - 1), i)
    starts = []
    nxt = 'sizeof(struct flR_Strs)'
    for j in range(nb, -1, -1):
        if j in first:
            nxt = 'offsetof(struct flR_Strs, s%d)' % first[j]
        starts.append(nxt)
    starts.reverse()
    c.append('static const unsigned short start[%d] = {\n  %s};' % (nb + 1, ',\n  '.join(starts)))
    # the same strings sorted bytewise: flash store images refer to them by index (src/lfs)
    byname = sorted(strings.items(), key=lambda kv: kv[0].encode('latin-1'))
    c.append('const FString *const flR_fixed[%d] = {' % len(byname))
    c.append(',\n'.join('  &flR_str.s%d.h' % i for _, i in byname))
    c.append('};')
    c.append('''
#define STR0  ((const char *)&flR_str)

static FString *find(const FROStrTab *t, const char *s, size_t l, unsigned int h) {
  const char *p = STR0 + start[h & %du], *e = STR0 + start[(h & %du) + 1];
  (void)t;
  for (; p < e; p += RSZ(fl_cast(const FString *, fl_cast(const void *, p))->tsv.len)) {
    const FString *ts = fl_cast(const FString *, fl_cast(const void *, p));
    if (ts->tsv.hash == h && ts->tsv.len == l && memcmp(fl_getstr(ts), s, l) == 0)
      return fl_cast(FString *, ts);
  }
  return NULL;
}

static void each(const FROStrTab *t, void (*f)(FString *s, void *ud), void *ud) {
  const char *p;
  (void)t;
  for (p = STR0; p < STR0 + sizeof flR_str; ) {
    FString *ts = fl_cast(FString *, fl_cast(const void *, p));
    p += RSZ(ts->tsv.len);
    f(ts, ud);
  }
}

const FROStrTab flR_strtab = {find, each, NULL};''' % (nb - 1, nb - 1))
    with open(os.path.join(outdir, 'fl_romstr.c'), 'w') as f:
        f.write('\n'.join(c) + '\n')

    # ---- fl_romtab.c: the tables (those with a home: in that source's .inc)
    def lsizeof(entries):
        lsize = 0
        while (1 << lsize) < len(entries):
            lsize += 1
        return lsize

    def header(cn, spec, nodes, lsize):
        flags = []
        if spec.get('patch', True):
            flags.append('FL_ROPATCH')
        if 'lazy' in spec:
            flags.append('FL_ROLAZY')
        meta = spec.get('meta', spec.get('chain'))
        meta = '(FTable *)&flR_%s' % meta if meta else 'NULL'
        lazy = '(FGCObj *)&%s' % cname(*spec['lazy']) if 'lazy' in spec else 'NULL'
        return ('const FTable flR_%s = {.next = NULL, .tt = LUA_TTABLE, .marked = FL_READONLY_MARK, '
                '.flags = %s, .lsizenode = %d, .metatable = %s, .array = NULL, '
                '.node = (FNode *)flR_n_%s, .lastfree = (FNode *)flR_n_%s, .gclist = %s, '
                '.sizearray = 0};' % (cn, '|'.join(flags) or '0', lsize, meta, nodes, nodes, lazy))

    def emit_table(name, entries, spec):
        t = []
        cn = spec.get('cname', name)
        if 'view' in spec:       # another table's nodes under a header of its own
            return [header(cn, spec, spec['view'], lsizeof(tabs[spec['view']]))]
        lsize = lsizeof(entries)
        size = 1 << lsize
        nodes = [None] * size
        nxt = [None] * size
        rest = []
        for e in entries:
            mp = lhash(e[0]) & (size - 1)
            if nodes[mp] is None:
                nodes[mp] = e
            else:
                rest.append(e)
        free = [j for j in range(size) if nodes[j] is None]
        for e in rest:
            mp = lhash(e[0]) & (size - 1)
            j = free.pop()
            nodes[j] = e
            last = mp
            while nxt[last] is not None:
                last = nxt[last]
            nxt[last] = j
        t.append('static const FNode flR_n_%s[%d] = {' % (cn, size))
        rows = []
        for j in range(size):
            if nodes[j] is None:
                rows.append('  {FL_VINIT_NIL, FL_KINIT_NIL}')
                continue
            k, v = nodes[j]
            if v[0] == 'func':
                val = 'FL_VINIT_GC(&%s, LUA_TFUNCTION)' % cname(v[1], v[2])
            elif v[0] == 'tab':
                val = 'FL_VINIT_GC(&flR_%s, LUA_TTABLE)' % v[1]
            else:
                val = 'FL_VINIT_NUM(%s)' % v[1]
            nx = '(FNode *)&flR_n_%s[%d]' % (cn, nxt[j]) if nxt[j] is not None else 'NULL'
            rows.append('  {%s, FL_KINIT_GC(&flR_str.s%d, LUA_TSTRING, %s)}'
                        % (val, strings[k], nx))
        t.append(',\n'.join(rows))
        t.append('};')
        t.append(header(cn, spec, cn, lsize))
        return t

    def closure(src, fn):
        return ('const FCClosure %s = {.next = NULL, .tt = LUA_TFUNCTION, '
                '.marked = FL_READONLY_MARK, .isC = 1, .nupvalues = 0, .gclist = NULL, '
                '.env = NULL, .f = %s};' % (cname(src, fn), fn))

    t = ['/* generated by tools/genrom.py: do not edit */', '#include "fl_rom.h"']
    homed = {}
    for name, entries in tabs.items():
        spec = TABLES[name]
        if 'home' in spec:
            lines = ['#if ' + spec['guard']]
            for src, fns in spec['closures'].items():
                lines += [closure(src, fn) for fn in fns]
            lines += emit_table(name, entries, spec)
            lines.append('#endif')
            homed.setdefault(spec['home'], []).extend(lines)
        else:
            t += emit_table(name, entries, spec)
    with open(os.path.join(outdir, 'fl_romtab.c'), 'w') as f:
        f.write('\n'.join(t) + '\n')

    # ---- one .inc per library source: its closures and the checks of its arrays
    srcs = sorted(set(v[0] for v in REGS.values()) | set(closures))
    for src in srcs:
        out = ['/* generated by tools/genrom.py: do not edit */', '#include "fl_rom.h"']
        for rname, (rsrc, arr, *which) in REGS.items():
            if rsrc == src:
                chk = 'typedef char flR_check_%s[(sizeof(%s) / sizeof(%s[0]) == %d) ? 1 : -1];' \
                      % (rname, arr, arr, len(regs[rname]) + 1)
                if rname in ('math', 'math_int'):
                    chk = '#if %s\n%s\n#endif' % (TABLES[rname]['guard'], chk)
                out.append(chk)
        out += [closure(src, fn) for fn in closures.get(src, {})]
        out += homed.get(src, [])
        with open(os.path.join(outdir, 'rom_' + src.replace('.c', '.inc')), 'w') as f:
            f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
