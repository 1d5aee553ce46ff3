/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-meeting-pack.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_MEETING_DIALOG (cw_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwMeetingDialog, cw_meeting_dialog, CW, MEETING_DIALOG, AdwWindow)

GtkWidget     *cw_meeting_dialog_new                  (GtkWindow       *parent,
                                                       CwStore         *store);

/* What the dialog shows and does, for the window and for tests. */
void           cw_meeting_dialog_set_date             (CwMeetingDialog *self,
                                                       const CwDate    *date);
void           cw_meeting_dialog_set_copies           (CwMeetingDialog *self,
                                                       guint            copies);
void           cw_meeting_dialog_set_roles            (CwMeetingDialog *self,
                                                       CwLetterRoles    roles);
gboolean       cw_meeting_dialog_get_case_selected    (CwMeetingDialog *self,
                                                       const char      *case_id);
void           cw_meeting_dialog_set_case_selected    (CwMeetingDialog *self,
                                                       const char      *case_id,
                                                       gboolean         selected);
gboolean       cw_meeting_dialog_offers_solidarity    (CwMeetingDialog *self,
                                                       const char      *case_id);
CwMeetingPack *cw_meeting_dialog_get_pack             (CwMeetingDialog *self);
guint          cw_meeting_dialog_get_n_pages          (CwMeetingDialog *self);
gboolean       cw_meeting_dialog_is_preparing         (CwMeetingDialog *self);
gboolean       cw_meeting_dialog_save_pdf             (CwMeetingDialog *self,
                                                       GFile           *file,
                                                       GError         **error);

G_END_DECLS
