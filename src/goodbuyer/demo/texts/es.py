"""Spanish (español)."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Hola,
Buenas tardes,
Buenos días,
[signoff]
Gracias,\n{first}
Un saludo,\n{first}
Saludos\n{first}
[agent_greeting]
Hola {first}:
[agent_signoff]
Un saludo,\n{agent}\nAtención al cliente de {shop}
[where_is_order]
¿Dónde está mi pedido {order}? Lo hice hace {days} días y el seguimiento no se mueve.
¿Hay alguna novedad del pedido {order}? Ya tendría que haber llegado.
Hola, ¿cuándo llega el paquete {order}? Sigo esperando.
[not_received]
Según el seguimiento el pedido {order} está entregado, pero no he recibido nada. Tampoco lo tienen los vecinos.
El paquete {order} figura como entregado pero NO me ha llegado. Enviadlo otra vez o devolvedme el dinero.
Mi pedido {order} todavía no ha llegado aunque ya debería estar aquí.
[return]
Quiero devolver {item} del pedido {order}, no me queda bien de talla. ¿Cómo hago la devolución?
¿Me podéis mandar una etiqueta de devolución para {order}? {item} no es lo que esperaba.
Devuelvo parte del pedido {order}. ¿Cuánto tarda el reembolso?
[cancel]
Por favor, cancelad mi pedido {order}, lo hice por error.
¿Se puede cancelar {order}? Ya no lo necesito. Si ya ha salido, ¿qué hago?
[change_address]
¡Puse mal la dirección en el pedido {order}! ¿Se puede cambiar todavía?
Me he mudado, ¿podéis cambiar la dirección de entrega de {order}?
[wrong_item]
Me ha llegado un artículo equivocado en el pedido {order}. Pedí {item} y ha venido otra cosa.
En el pedido {order} me habéis mandado otra talla.
[damaged]
{item} del pedido {order} llegó dañado, tiene un roto. Adjunto fotos.
El paquete {order} llegó aplastado y {item} está roto. ¿Qué solución me dais?
[discount_request]
¿Tenéis algún código de descuento? Pediría tres prendas si me hacéis un 20 %.
¿Me hacéis mejor precio si compro dos? ¿O al menos el envío gratis?
[subscription]
¿Por qué me habéis cobrado otra vez? Solo quería una caja de calcetines, no una suscripción.
No sabía que el club de calcetines se renovaba cada mes. Canceladlo y devolvedme el último cargo.
[general]
¿{item} tiene la talla pequeña? Normalmente uso la {size}.
¿Enviáis a Canarias? ¿Cuánto tarda la entrega?
[resend]
El pedido {order} sigue sin llegar. Mandadme uno nuevo.
Por favor, reenviad {order}, lo necesito esta semana.
[unrealistic]
El pedido {order} ha tardado {days} días. Es inaceptable, en Amazon me llega al día siguiente.
El color de {item} es un poco distinto al de la foto. Quiero el reembolso completo y quedarme la prenda.
¿Por qué hay que pagar el envío? Quiero que me devolváis los gastos de envío de {order}.
[followup]
¿Alguna novedad?
¿Hola? Sigo esperando respuesta.
[threat_review]
Si no lo solucionáis hoy os pongo una estrella en todas partes y se lo cuento a todo el mundo.
Arregladlo o publico lo de vuestra tienda en Instagram y en Google.
[threat_legal]
Voy a hablar con mi abogado y a poner una reclamación en Consumo.
Es vuestra última oportunidad antes de que tome medidas legales.
[threat_chargeback]
Si el viernes no tengo mi dinero, pido la devolución del cargo a mi banco.
Haré un contracargo con la tarjeta si seguís ignorándome.
[abusive]
Sois unos inútiles.
Vaya tienda más patética, ¿ahí no piensa nadie?
¡Contestad ya, panda de idiotas!
[subject_where_is_order]
¿Dónde está mi pedido {order}?
Estado del pedido {order}
[subject_not_received]
Pedido {order} no recibido
[subject_return]
Devolución {order}
[subject_cancel]
Cancelar pedido {order}
[subject_change_address]
Dirección incorrecta {order}
[subject_wrong_item]
Artículo equivocado
[subject_damaged]
Artículo dañado
[subject_discount_request]
¿Descuento?
[subject_subscription]
Cargo de suscripción
[subject_general]
Consulta
[subject_resend]
Reenvío {order}
[subject_unrealistic]
Queja pedido {order}
[agent_where_is_order]
Tu pedido {order} está en camino con {carrier}. Puedes seguirlo aquí: {url}
[agent_not_received]
Lo sentimos mucho. {carrier} marca {order} como entregado, así que hemos abierto una investigación. Mientras tanto, ¿puedes consultar con los vecinos y mirar el buzón?
[agent_return]
Por supuesto. Te enviamos la etiqueta de devolución gratuita; cuando recibamos el paquete te reembolsamos {amount} en 5 días.
[agent_cancel]
El pedido {order} está cancelado. Si ya ha salido, simplemente rechaza la entrega o devuélvelo con la etiqueta.
[agent_change_address]
Hemos pedido a {carrier} que redirija el paquete. Si no es posible, volverá a nosotros y lo reenviaremos.
[agent_wrong_item]
¡Perdona la confusión! Hoy te enviamos el artículo correcto con una etiqueta de devolución gratuita y un código del 15 % como agradecimiento.
[agent_damaged]
Gracias por las fotos, lo sentimos. Puedes quedarte el artículo y te reembolsamos {amount}, o te mandamos otro, como prefieras.
[agent_discount_request]
No negociamos precios, pero a partir del mínimo de envío gratuito no pagas gastos de envío.
[agent_subscription]
He cancelado la suscripción al club de calcetines y no habrá más cargos. Las condiciones estaban en la confirmación del pedido, pero esta vez te devolvemos la última caja.
[agent_general]
¡Gracias por escribirnos! Tienes la guía de tallas en cada ficha de producto y la entrega suele tardar 2–4 días laborables.
[agent_resend]
Hay una disputa de pago abierta en tu banco por el pedido {order}. Mientras esté abierta no podemos enviar un reemplazo.
[agent_unrealistic]
Entiendo tu enfado. El pedido {order} llegó dentro del plazo indicado; puedes devolverlo gratis durante 30 días.
[agent_threat]
Queremos resolverlo bien y haremos lo mismo que con cualquier cliente en tu misma situación. Por favor, sigamos la conversación en este hilo.
[agent_abusive]
Te ayudamos con gusto, pero no aceptamos insultos a nuestro equipo. Esto es un aviso: si siguen los mensajes ofensivos, cerraremos la conversación.
[reason_size]
pequeño
Grande de hombros
[reason_changed_mind]
He cambiado de opinión
ya no lo necesito
[reason_not_as_described]
No se parece a la foto
La tela parece barata
[reason_damaged]
Costura rota
[reason_wrong_item]
Me llegó otro color
[reason_late]
Llegó tarde
[survey_positive]
Envío rapidísimo y muy buena calidad, ¡gracias!
Encantada, repetiré.
[survey_neutral]
Bien, pero el envío podría ser más rápido.
Las tallas son algo pequeñas.
[survey_negative]
Servicio pésimo, nunca más.
Tardó una eternidad y nadie contestó.
"""
