/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_TIMELINE_VIEW (cw_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (CwTimelineView, cw_timeline_view, CW, TIMELINE_VIEW, GtkWidget)

GtkWidget  *cw_timeline_view_new           (CwStore         *store);
CwStore    *cw_timeline_view_get_store     (CwTimelineView  *self);
const char *cw_timeline_view_get_case_id   (CwTimelineView  *self);
void        cw_timeline_view_set_case_id   (CwTimelineView  *self,
                                            const char      *case_id);
guint       cw_timeline_view_get_n_entries (CwTimelineView  *self);
void        cw_timeline_view_focus_log     (CwTimelineView  *self);
gboolean    cw_timeline_view_restore_entry (CwTimelineView  *self,
                                            CwEntry         *entry,
                                            GError         **error);

G_END_DECLS
