/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A ZIP archive written in one pass into a stream, as much of the format
 * as an OpenDocument package needs: each entry held in memory, stored or
 * deflated, then the central directory. Every entry has the same date
 * and no time, extra field or comment, so the same entries in the same
 * order give the same bytes. No ZIP64: an entry, and the archive, stay
 * under 4 GiB.
 */

typedef enum {
  CW_ZIP_STORED,
  CW_ZIP_DEFLATED,
} CwZipMethod;

typedef struct _CwZipWriter CwZipWriter;

CwZipWriter *cw_zip_writer_new     (GOutputStream  *out,
                                    guint           year,
                                    guint           month,
                                    guint           day);
gboolean     cw_zip_writer_add     (CwZipWriter    *self,
                                    const char     *name,
                                    const void     *data,
                                    gsize           len,
                                    CwZipMethod     method,
                                    GError        **error);
gboolean     cw_zip_writer_finish  (CwZipWriter    *self,
                                    GError        **error);
void         cw_zip_writer_free    (CwZipWriter    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwZipWriter, cw_zip_writer_free)

G_END_DECLS
