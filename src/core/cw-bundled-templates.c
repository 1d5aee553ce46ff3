/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-bundled-templates"

#include "cw-bundled-templates.h"

/* The letters' own words, so not for gettext: each is already in the
 * language it is for. Placeholders: see cw-template-expander.h. */

typedef struct {
  const char *id;
  const char *language;
  const char *role;
  const char *name;
  const char *closing;
  const char *body;
} Bundled;

static const Bundled bundled[] = {
  { "b0a1d1ed-0000-4000-8000-000000000001", "en", "appeal", "Appeal", "Yours sincerely,",
    "I am writing to you, as {target}, about the case of {case} in {country}.\n\n"
    "I am deeply concerned for the safety and wellbeing of {person}. I respectfully urge you "
    "to ensure that {person} is protected from harm, that their human rights are fully "
    "respected, and that any detention, charges or threats they face are reviewed promptly "
    "and impartially, in line with international human rights law and standards.\n\n"
    "Thank you for your attention to this case. I look forward to your reply." },
  { "b0a1d1ed-0000-4000-8000-000000000002", "en", "copy", "Copy to a representative",
    "Yours sincerely,",
    "I am writing to ask you to convey to the authorities of {country} the concern of "
    "{group} about the case of {case}.\n\n"
    "We have written to the authorities to urge them to ensure the safety of {person} and "
    "full respect for their human rights. We would be grateful if you would bring this case "
    "to their attention and let us know of any response.\n\n"
    "Thank you for your help." },
  { "b0a1d1ed-0000-4000-8000-000000000003", "en", "solidarity", "Solidarity message",
    "With warm wishes,",
    "We are thinking of you and send you our warmest wishes. People around the world know "
    "about your situation and stand with you.\n\n"
    "We will not forget you." },

  { "b0a1d1ed-0000-4000-8000-000000000011", "es", "appeal", "Llamamiento", "Atentamente,",
    "Me dirijo a usted, en su calidad de {target}, en relación con el caso de {case} en "
    "{country}.\n\n"
    "Me preocupa profundamente la seguridad de {person}. Le insto respetuosamente a "
    "garantizar su protección y el pleno respeto de sus derechos humanos, y a que toda "
    "detención, cargo o amenaza en su contra se examine con prontitud e imparcialidad, "
    "conforme al derecho y las normas internacionales de derechos humanos.\n\n"
    "Le agradezco de antemano su atención a este caso y quedo a la espera de su respuesta." },
  { "b0a1d1ed-0000-4000-8000-000000000012", "es", "copy", "Copia a un representante",
    "Atentamente,",
    "Me dirijo a usted para pedirle que transmita a las autoridades de {country} la "
    "preocupación de {group} por el caso de {case}.\n\n"
    "Hemos escrito a las autoridades para instarles a garantizar la seguridad de {person} y "
    "el pleno respeto de sus derechos humanos. Le agradeceríamos que señalara este caso a "
    "su atención y que nos informara de cualquier respuesta.\n\n"
    "Le agradezco de antemano su ayuda." },
  { "b0a1d1ed-0000-4000-8000-000000000013", "es", "solidarity", "Mensaje de solidaridad",
    "Con cariño y solidaridad,",
    "Pensamos en ti y te enviamos nuestros mejores deseos. Muchas personas en todo el "
    "mundo conocen tu situación y están a tu lado.\n\n"
    "No te olvidamos." },

  { "b0a1d1ed-0000-4000-8000-000000000021", "fr", "appeal", "Appel",
    "Je vous prie d’agréer l’expression de ma haute considération.",
    "Je m’adresse à vous, en votre qualité de {target}, au sujet de la situation de {case} "
    "({country}).\n\n"
    "La sécurité de {person} me préoccupe profondément. Je vous prie instamment de veiller "
    "à sa protection et au plein respect de ses droits humains, et à ce que toute détention, "
    "inculpation ou menace visant {person} soit examinée sans délai et de manière "
    "impartiale, conformément au droit international relatif aux droits humains.\n\n"
    "Je vous remercie de l’attention que vous porterez à cette situation et vous saurais "
    "gré de bien vouloir me répondre." },
  { "b0a1d1ed-0000-4000-8000-000000000022", "fr", "copy", "Copie à un représentant",
    "Je vous prie d’agréer l’expression de ma haute considération.",
    "Je vous écris pour vous demander de faire part aux autorités de votre pays de la "
    "préoccupation de {group} au sujet de la situation de {case} ({country}).\n\n"
    "Nous avons écrit aux autorités pour leur demander de garantir la sécurité de {person} "
    "et le plein respect de ses droits humains. Nous vous serions reconnaissants de porter "
    "cette situation à leur attention et de nous faire part de toute réponse.\n\n"
    "Je vous remercie de votre aide." },
  { "b0a1d1ed-0000-4000-8000-000000000023", "fr", "solidarity", "Message de solidarité",
    "Avec toute notre solidarité,",
    "Nous pensons à vous et vous adressons nos pensées les plus chaleureuses. Partout dans "
    "le monde, des personnes connaissent votre situation et sont à vos côtés.\n\n"
    "Nous ne vous oublions pas." },

  { "b0a1d1ed-0000-4000-8000-000000000031", "ar", "appeal", "مناشدة",
    "وتفضلوا بقبول فائق الاحترام والتقدير،",
    "أكتب إليكم بصفتكم {target} بشأن قضية {case} في {country}.\n\n"
    "يساورني قلق بالغ على سلامة {person}. وأحثكم باحترام على ضمان حماية {person} من أي "
    "أذى، واحترام حقوق الإنسان احترامًا كاملًا، ومراجعة أي احتجاز أو تهم أو تهديدات على "
    "نحو سريع ونزيه، وفقًا للقانون الدولي لحقوق الإنسان ومعاييره.\n\n"
    "أشكركم على اهتمامكم بهذه القضية، وأتطلع إلى ردكم." },
  { "b0a1d1ed-0000-4000-8000-000000000032", "ar", "copy", "نسخة إلى ممثل دبلوماسي",
    "وتفضلوا بقبول فائق الاحترام والتقدير،",
    "أكتب إليكم لأرجو منكم أن تنقلوا إلى سلطات {country} قلق {group} بشأن قضية {case}.\n\n"
    "لقد كتبنا إلى السلطات نحثها على ضمان سلامة {person} واحترام حقوق الإنسان احترامًا "
    "كاملًا. وسنكون ممتنين لو تفضلتم بلفت انتباهها إلى هذه القضية وإبلاغنا بأي رد.\n\n"
    "أشكركم على مساعدتكم." },
  { "b0a1d1ed-0000-4000-8000-000000000033", "ar", "solidarity", "رسالة تضامن",
    "مع خالص التضامن،",
    "نفكر فيكم ونرسل إليكم أطيب تمنياتنا. هناك أناس في كل أنحاء العالم يعرفون وضعكم "
    "ويقفون إلى جانبكم.\n\n"
    "لن ننساكم." },
};

static CwLetterTemplate *
template_from_bundled (const Bundled *b)
{
  CwLetterTemplate *tmpl = cw_letter_template_new ();

  tmpl->id = g_strdup (b->id);
  tmpl->language = g_strdup (b->language);
  tmpl->role = g_strdup (b->role);
  tmpl->name = g_strdup (b->name);
  tmpl->body = g_strdup (b->body);
  tmpl->closing = g_strdup (b->closing);
  tmpl->bundled = TRUE;
  return tmpl;
}

/**
 * cw_bundled_templates:
 *
 * Returns: (transfer full) (element-type CwLetterTemplate): a copy of every
 *   bundled template, as shipped
 */
GPtrArray *
cw_bundled_templates (void)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_letter_template_free);

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    g_ptr_array_add (templates, template_from_bundled (&bundled[i]));
  return templates;
}

/**
 * cw_bundled_template_lookup:
 *
 * Returns: (transfer full) (nullable): the bundled template with @id as
 *   shipped, to restore one the group has edited
 */
CwLetterTemplate *
cw_bundled_template_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    if (g_strcmp0 (bundled[i].id, id) == 0)
      return template_from_bundled (&bundled[i]);
  return NULL;
}

/* Whether @templates has @tmpl's id, or a template of the group's that
 * takes its language, role and name (and so stands in for it). */
static gboolean
has_template (GPtrArray              *templates,
              const CwLetterTemplate *tmpl)
{
  for (guint i = 0; i < templates->len; i++)
    {
      CwLetterTemplate *other = g_ptr_array_index (templates, i);

      if (g_str_equal (other->id, tmpl->id) ||
          (g_str_equal (other->language, tmpl->language) &&
           g_str_equal (other->role, tmpl->role) && g_str_equal (other->name, tmpl->name)))
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_store_ensure_bundled_templates:
 *
 * Adds each bundled template the database lacks, in one transaction. One
 * the group has edited keeps its edits; one it has deleted comes back.
 */
gboolean
cw_store_ensure_bundled_templates (CwStore  *store,
                                   GError  **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) shipped = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  stored = cw_store_list_letter_templates (store, error);
  if (stored == NULL)
    return FALSE;

  shipped = cw_bundled_templates ();
  if (!cw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < shipped->len; i++)
    {
      CwLetterTemplate *tmpl = g_ptr_array_index (shipped, i);

      if (!has_template (stored, tmpl) && !cw_store_save_letter_template (store, tmpl, error))
        {
          cw_store_rollback (store);
          return FALSE;
        }
    }

  return cw_store_commit (store, error);
}

/**
 * cw_store_list_letter_templates_with_bundled:
 *
 * The templates letters choose from: the database's, with the bundled ones
 * added to it first where it can be written, or alongside in memory where
 * it is read-only.
 *
 * Returns: (transfer full) (element-type CwLetterTemplate):
 */
GPtrArray *
cw_store_list_letter_templates_with_bundled (CwStore  *store,
                                             GError  **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) shipped = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (!cw_store_get_read_only (store))
    {
      if (!cw_store_ensure_bundled_templates (store, error))
        return NULL;
      return cw_store_list_letter_templates (store, error);
    }

  templates = cw_store_list_letter_templates (store, error);
  if (templates == NULL)
    return NULL;

  shipped = cw_bundled_templates ();
  for (guint i = 0; i < shipped->len; i++)
    if (!has_template (templates, g_ptr_array_index (shipped, i)))
      g_ptr_array_add (templates, cw_letter_template_copy (g_ptr_array_index (shipped, i)));
  return g_steal_pointer (&templates);
}
