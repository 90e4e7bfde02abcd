#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vorort_system.h"

// cmark-gfm allocates every node, buffer and list entry of a parse on its own and frees them one by one; for the
// thousands of small bodies of a site that was most of the time cmark took. The arena hands out memory from a few
// large chunks of the calling thread and frees them all at once when the tree is no longer needed.

typedef struct chunk {
    struct chunk *previous;
    size_t capacity;
    size_t used;
    size_t padding;  // keeps the data 16-byte aligned, like malloc's
} chunk;

struct vorort_arena {
    chunk *current;
    // The last block handed out: a buffer growing at the end of the chunk grows in place.
    unsigned char *last;
    vorort_arena *outer;
};

static _Thread_local vorort_arena *thread_arena;

// Every block is preceded by its size, for realloc; 16 bytes keep the block aligned.
enum { header_size = 16, first_chunk = 64 * 1024, largest_chunk = 4 * 1024 * 1024 };

static vorort_arena *current(void) {
    vorort_arena *arena = thread_arena;
    if (!arena) {
        // A cmark parser made with the arena's allocator outside vorort_arena_begin/end: a programming error.
        fputs("vorort: cmark allocated outside its arena\n", stderr);
        abort();
    }
    return arena;
}

static void *allocate(vorort_arena *arena, size_t size) {
    size_t needed = header_size + ((size + 15) & ~(size_t)15);
    chunk *chunk = arena->current;
    if (!chunk || chunk->capacity - chunk->used < needed) {
        size_t capacity = chunk ? chunk->capacity * 2 : first_chunk;
        if (capacity > largest_chunk) capacity = largest_chunk;
        if (capacity < needed) capacity = needed;
        struct chunk *fresh = malloc(sizeof(struct chunk) + capacity);
        if (!fresh) {
            fputs("vorort: out of memory\n", stderr);
            abort();
        }
        fresh->previous = chunk;
        fresh->capacity = capacity;
        fresh->used = 0;
        arena->current = chunk = fresh;
    }
    unsigned char *block = (unsigned char *)(chunk + 1) + chunk->used;
    chunk->used += needed;
    *(size_t *)block = size;
    arena->last = block + header_size;
    return block + header_size;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *block = allocate(current(), count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    vorort_arena *arena = current();
    if (!pointer) return allocate(arena, size);
    unsigned char *block = pointer;
    size_t old = *(size_t *)(block - header_size);
    chunk *chunk = arena->current;
    if (block == arena->last) {
        // The last block of the chunk: it grows (or shrinks) where it is when the chunk has room.
        size_t start = (size_t)(block - header_size - (unsigned char *)(chunk + 1));
        size_t needed = header_size + ((size + 15) & ~(size_t)15);
        if (chunk->capacity - start >= needed) {
            chunk->used = start + needed;
            *(size_t *)(block - header_size) = size;
            return block;
        }
    }
    void *moved = allocate(arena, size);
    memcpy(moved, block, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) {
    (void)pointer;  // freed with the whole arena
}

static const vorort_allocator arena_allocator = {arena_calloc, arena_realloc, arena_free};

const vorort_allocator *vorort_arena_allocator(void) { return &arena_allocator; }

vorort_arena *vorort_arena_begin(void) {
    vorort_arena *arena = calloc(1, sizeof(vorort_arena));
    if (!arena) abort();
    arena->outer = thread_arena;
    thread_arena = arena;
    return arena;
}

void vorort_arena_end(vorort_arena *arena) {
    thread_arena = arena->outer;
    chunk *chunk = arena->current;
    while (chunk) {
        struct chunk *previous = chunk->previous;
        free(chunk);
        chunk = previous;
    }
    free(arena);
}
