/*
 * Stand-ins for the libcurl functions that Foundation's networking library (FoundationNetworking) names, for the
 * self-contained release binary (scripts/release.sh).
 *
 * vorort never uses URLSession. FoundationNetworking is linked only because the preview server's HTTP package
 * (FlyingFox) has a proxy handler built on URLSession, which vorort does not use. Statically linked,
 * FoundationNetworking needs libcurl's symbols; Debian ships no static libcurl that links without a dozen other
 * libraries, and a shared one would tie the binary to libcurl4 and its dependencies, which slim CI images lack.
 * These stand-ins fail the way libcurl fails when it cannot start (no handle, CURLE_FAILED_INIT = 2), so a call that
 * should never happen ends in an error, not in undefined behaviour.
 */
#include <stddef.h>

int curl_global_init(long flags) { (void)flags; return 2; }
void *curl_easy_init(void) { return NULL; }
void curl_easy_cleanup(void *handle) { (void)handle; }
int curl_easy_setopt(void *handle, int option, ...) { (void)handle; (void)option; return 2; }
int curl_easy_getinfo(void *handle, int info, ...) { (void)handle; (void)info; return 2; }
int curl_easy_pause(void *handle, int bitmask) { (void)handle; (void)bitmask; return 2; }
const char *curl_easy_strerror(int code) { (void)code; return "libcurl is not part of this vorort binary"; }
void curl_free(void *pointer) { (void)pointer; }
void *curl_multi_init(void) { return NULL; }
int curl_multi_cleanup(void *multi) { (void)multi; return 1; }
int curl_multi_add_handle(void *multi, void *handle) { (void)multi; (void)handle; return 1; }
int curl_multi_remove_handle(void *multi, void *handle) { (void)multi; (void)handle; return 1; }
int curl_multi_assign(void *multi, int socket, void *pointer) { (void)multi; (void)socket; (void)pointer; return 1; }
void *curl_multi_info_read(void *multi, int *left) { (void)multi; if (left) *left = 0; return NULL; }
int curl_multi_setopt(void *multi, int option, ...) { (void)multi; (void)option; return 1; }
int curl_multi_socket_action(void *multi, int socket, int mask, int *running) {
    (void)multi; (void)socket; (void)mask; if (running) *running = 0; return 1;
}
void *curl_slist_append(void *list, const char *text) { (void)list; (void)text; return NULL; }
void curl_slist_free_all(void *list) { (void)list; }
void *curl_url(void) { return NULL; }
void curl_url_cleanup(void *url) { (void)url; }
int curl_url_get(void *url, int part, char **value, unsigned int flags) {
    (void)url; (void)part; (void)flags; if (value) *value = NULL; return 1;
}
int curl_url_set(void *url, int part, const char *value, unsigned int flags) {
    (void)url; (void)part; (void)value; (void)flags; return 1;
}
char *curl_version(void) { return "none"; }
void *curl_version_info(int age) { (void)age; return NULL; }
