/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-casefile"

#include "cw-casefile.h"

/* What the casefile reader and writer share. The nicks are the words
 * casefile/@scope takes, so a scope's nick goes straight into a document. */

G_DEFINE_ENUM_TYPE (CwCasefileScope, cw_casefile_scope,
  G_DEFINE_ENUM_VALUE (CW_CASEFILE_SCOPE_FULL, "full"),
  G_DEFINE_ENUM_VALUE (CW_CASEFILE_SCOPE_PUBLIC, "public"))

G_DEFINE_QUARK (cw-casefile-error-quark, cw_casefile_error)
