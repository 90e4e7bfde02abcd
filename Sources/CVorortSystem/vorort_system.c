#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include "vorort_system.h"

int vorort_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

static double monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

int vorort_run_bounded(const char *path, char *const argv[], int stderr_fd, double timeout_seconds) {
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd < 0) return -1;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        close(null_fd);
        return -1;
    }
    if (child == 0) {
        // Only async-signal-safe calls between fork and exec: the parent has many threads.
        setpgid(0, 0);
#if defined(__linux__)
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        // The parent may have died before prctl took effect.
        if (getppid() != parent) _exit(127);
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(stderr_fd, 2);
        execv(path, argv);
        _exit(127);
    }
    close(null_fd);
    setpgid(child, child);  // also from here, so the group exists before any kill below
    double deadline = monotonic_seconds() + timeout_seconds;
    struct timespec pause = {0, 20 * 1000 * 1000};
    for (;;) {
        int status = 0;
        pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child) {
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
            return 128;
        }
        if (done < 0 && errno != EINTR) return -1;
        if (monotonic_seconds() >= deadline) {
            kill(-child, SIGKILL);
            kill(child, SIGKILL);
            while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
            return -2;
        }
        nanosleep(&pause, NULL);
    }
}

#ifdef __GLIBC__
#include <malloc.h>
#endif

void vorort_release_freed_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
