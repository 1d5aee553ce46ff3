/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-casefile.h"
#include "cw-store.h"

G_BEGIN_DECLS

typedef struct {
  CwCasefileScope scope;
  const char *generator;            /* NULL: "Casework <version>" */
  const char *exported;             /* a timestamp; NULL: now */
  const char *source_organisation;  /* NULL: no <source> element */
  gsize max_bytes;                  /* 0: CW_CASEFILE_MAX_BYTES, what the reader reads */
} CwCasefileWriteOptions;

typedef struct _CwCasefileWriter CwCasefileWriter;

CwCasefileWriter *cw_casefile_writer_new      (GOutputStream                 *out,
                                               const CwCasefileWriteOptions  *options,
                                               GError                       **error);
gboolean          cw_casefile_writer_add_case (CwCasefileWriter              *self,
                                               CwCase                        *kase,
                                               GPtrArray                     *entries,
                                               GError                       **error);
gboolean          cw_casefile_writer_finish   (CwCasefileWriter              *self,
                                               GError                       **error);
void              cw_casefile_writer_free     (CwCasefileWriter              *self);

gboolean          cw_store_export_casefile    (CwStore                       *store,
                                               const char * const            *case_ids,
                                               const CwCasefileWriteOptions  *options,
                                               GOutputStream                 *out,
                                               GError                       **error);

gboolean          cw_store_export_casefile_to_file (CwStore                  *store,
                                                    const char * const       *case_ids,
                                                    const CwCasefileWriteOptions *options,
                                                    GFile                    *file,
                                                    GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCasefileWriter, cw_casefile_writer_free)

G_END_DECLS
