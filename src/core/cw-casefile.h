/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the reader and the writer of casefile documents share.
 * The format itself is data/casefile.rng. */

#define CW_CASEFILE_NAMESPACE "http://example.org/ns/casework/casefile/1"
#define CW_CASEFILE_VERSION   "1.0"

/* Documents larger than this are refused before they are parsed. */
#define CW_CASEFILE_MAX_BYTES (64 * 1024 * 1024)

typedef enum {
  CW_CASEFILE_SCOPE_FULL,
  CW_CASEFILE_SCOPE_PUBLIC,   /* leaves out what must not leave the group */
} CwCasefileScope;

#define CW_TYPE_CASEFILE_SCOPE (cw_casefile_scope_get_type ())
GType cw_casefile_scope_get_type (void);

#define CW_CASEFILE_ERROR (cw_casefile_error_quark ())

typedef enum {
  CW_CASEFILE_ERROR_TOO_LARGE,
  CW_CASEFILE_ERROR_NOT_CASEFILE,  /* not XML, wrong root, compressed */
  CW_CASEFILE_ERROR_MALFORMED,     /* not well-formed XML, bad UTF-8, truncated */
  CW_CASEFILE_ERROR_FORBIDDEN,     /* entities, DTDs and other things never read */
  CW_CASEFILE_ERROR_VERSION,       /* a major version this reader does not know */
  CW_CASEFILE_ERROR_INVALID,       /* does not follow the schema */
  CW_CASEFILE_ERROR_VALUE,         /* a date, id, count or kind that is wrong */
  CW_CASEFILE_ERROR_INCOMPLETE,    /* a case lacks what an export needs */
  CW_CASEFILE_ERROR_IO,
} CwCasefileError;

GQuark cw_casefile_error_quark (void);

G_END_DECLS
