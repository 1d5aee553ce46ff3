/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-document.h"
#include "cw-letter.h"
#include "cw-store.h"

G_BEGIN_DECLS

/*
 * Everything a monthly meeting prints: a one-page briefing per case, then
 * every letter once per member attending (each member's set together),
 * then the envelope list. A CwDocument: the same pages go to the printer
 * and to a PDF.
 */

#define CW_TYPE_MEETING_PACK (cw_meeting_pack_get_type ())

G_DECLARE_FINAL_TYPE (CwMeetingPack, cw_meeting_pack, CW, MEETING_PACK, GObject)

CwMeetingPack   *cw_meeting_pack_new                (const CwProfile     *profile,
                                                     const CwDate        *date,
                                                     guint                copies);
CwMeetingPack   *cw_meeting_pack_new_from_store     (CwStore             *store,
                                                     const char * const  *case_ids,
                                                     CwLetterRoles        roles,
                                                     guint                copies,
                                                     const CwDate        *date,
                                                     GError             **error);
gboolean         cw_meeting_pack_add_case           (CwMeetingPack       *self,
                                                     CwCase              *kase,
                                                     CwLetterRoles        roles,
                                                     GPtrArray           *templates,
                                                     GError             **error);

void             cw_meeting_pack_set_member_address (CwMeetingPack       *self,
                                                     gboolean             member_address);
gboolean         cw_meeting_pack_get_member_address (CwMeetingPack       *self);
guint            cw_meeting_pack_get_copies         (CwMeetingPack       *self);
const CwDate    *cw_meeting_pack_get_date           (CwMeetingPack       *self);
const char      *cw_meeting_pack_get_paper_size     (CwMeetingPack       *self);

guint            cw_meeting_pack_get_n_cases        (CwMeetingPack       *self);
CwCase          *cw_meeting_pack_get_case           (CwMeetingPack       *self,
                                                     guint                index);
GPtrArray       *cw_meeting_pack_get_letters        (CwMeetingPack       *self);
guint            cw_meeting_pack_count_letters      (CwMeetingPack       *self,
                                                     const char          *case_id);
GStrv            cw_meeting_pack_get_notes          (CwMeetingPack       *self);

/* After paginate(): which pages are what, for tests and the preview. */
guint            cw_meeting_pack_get_n_pages        (CwMeetingPack       *self);
guint            cw_meeting_pack_get_n_briefing_pages (CwMeetingPack     *self);
guint            cw_meeting_pack_get_n_envelope_pages (CwMeetingPack     *self);
GPtrArray       *cw_meeting_pack_get_page_layouts   (CwMeetingPack       *self,
                                                     guint                page);

gboolean         cw_meeting_pack_write_pdf_file     (CwMeetingPack       *self,
                                                     GFile               *file,
                                                     GError             **error);

G_END_DECLS
