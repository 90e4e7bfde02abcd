#ifndef VORORT_SYSTEM_H
#define VORORT_SYSTEM_H

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

#endif
