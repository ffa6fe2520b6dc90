#ifndef CCMARKARENA_H
#define CCMARKARENA_H

#include <cmark-gfm.h>

/// A bump allocator for one cmark-gfm parse at a time on the calling thread: `calloc` and
/// `realloc` carve from thread-local slabs, `free` does nothing. A parser made with it
/// (`cmark_parser_new_with_mem`) needs no `cmark_node_free` or `cmark_parser_free`; call
/// `civicpost_cmark_arena_reset` once nothing from the parse is used any more. Nothing it
/// allocated may reach the system `free` (so no rendering with it).
cmark_mem *civicpost_cmark_arena(void);

/// Forgets everything the calling thread's arena handed out; keeps one slab for the next parse.
void civicpost_cmark_arena_reset(void);

#endif
