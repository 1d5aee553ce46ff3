/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-meeting-pack.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Around a monthly meeting: which cases it writes for by default, and
 * the record of what was written. */

gboolean  cw_meeting_proposes_case (CwCase         *kase,
                                    const CwDate   *date);
GStrv     cw_meeting_propose_cases (CwStore        *store,
                                    const CwDate   *date,
                                    GError        **error);
gboolean  cw_meeting_log_letters   (CwStore        *store,
                                    CwMeetingPack  *pack,
                                    GError        **error);

G_END_DECLS
