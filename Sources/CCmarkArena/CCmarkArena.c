// cmark-gfm makes several small calloc/free pairs per node and per inline; a post's parse is
// a few hundred of them. cmark_mem has no context pointer, so the arena is thread-local.
// cmark-gfm's own arena (cmark_get_arena_mem_allocator) is one global, unsafe across threads.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "CCmarkArena.h"

#define SLAB_SIZE (256 * 1024)
#define ALIGN 16

typedef struct slab {
    struct slab *previous;
    size_t size;
    size_t used;
    _Alignas(ALIGN) unsigned char bytes[];
} slab;

// Each block starts with its size, so realloc knows how much to copy.
typedef struct {
    size_t size;
    size_t padding;
} header;

static _Thread_local slab *current;
static _Thread_local void *last_block;

static void *carve(size_t size) {
    size_t need = (sizeof(header) + size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (current == NULL || current->size - current->used < need) {
        size_t capacity = need > SLAB_SIZE ? need : SLAB_SIZE;
        slab *fresh = malloc(sizeof(slab) + capacity);
        if (fresh == NULL) abort();  // cmark aborts on allocation failure too
        fresh->previous = current;
        fresh->size = capacity;
        fresh->used = 0;
        current = fresh;
    }
    header *block = (header *)(current->bytes + current->used);
    current->used += need;
    block->size = size;
    last_block = block + 1;
    return block + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) abort();
    void *memory = carve(count * size);
    memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return carve(size);
    header *block = (header *)pointer - 1;
    if (pointer == last_block) {
        // The newest block can grow in place when its slab has room.
        size_t start = (size_t)((unsigned char *)block - current->bytes);
        size_t need = (sizeof(header) + size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
        if (start + need <= current->size) {
            current->used = start + need;
            block->size = size;
            return pointer;
        }
    }
    size_t old = block->size;
    void *moved = carve(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *civicpost_cmark_arena(void) { return &arena; }

void civicpost_cmark_arena_reset(void) {
    while (current != NULL && current->previous != NULL) {
        slab *previous = current->previous;
        free(current);
        current = previous;
    }
    if (current != NULL) current->used = 0;
    last_block = NULL;
}
