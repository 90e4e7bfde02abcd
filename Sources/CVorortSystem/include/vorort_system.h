#ifndef VORORT_SYSTEM_H
#define VORORT_SYSTEM_H

#include <stddef.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int vorort_exchange_paths(const char *first, const char *second);

/// Runs `path` with the NULL-terminated `argv`, standard input and output from /dev/null, standard error into
/// `stderr_fd`. The child gets its own process group and is killed when the calling thread or process dies
/// (PR_SET_PDEATHSIG on Linux), so a killed build never leaves it running. Waits at most `timeout_seconds`;
/// then the whole process group is killed.
/// Returns the exit status (0–255), 128 + signal when the child was killed by a signal, -1 when it could not be
/// started (errno set), -2 on time-out.
int vorort_run_bounded(const char *path, char *const argv[], int stderr_fd, double timeout_seconds);

/// Returns memory the allocator holds free to the system (glibc's malloc_trim); does nothing elsewhere.
void vorort_release_freed_memory(void);

/// The three functions of cmark-gfm's `cmark_mem`, in its order.
typedef struct vorort_allocator {
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} vorort_allocator;

/// Memory for one cmark parse and its tree, freed all at once (markdown_arena.c).
typedef struct vorort_arena vorort_arena;

/// An allocator with cmark's layout that takes memory from the calling thread's current arena (aborts without one).
const vorort_allocator *vorort_arena_allocator(void);

/// Starts an arena and makes it the calling thread's current one. Arenas nest, but a block of an outer arena must
/// not be reallocated while an inner one is current.
vorort_arena *vorort_arena_begin(void);

/// Frees everything allocated in `arena` and makes the arena current again that was current before it.
void vorort_arena_end(vorort_arena *arena);

#endif
