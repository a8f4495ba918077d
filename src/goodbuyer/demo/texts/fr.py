"""French (français): France and Morocco."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Bonjour,
Bonsoir,
Madame, Monsieur,
[signoff]
Merci,\n{first}
Cordialement,\n{first}
Bonne journée\n{first}
[agent_greeting]
Bonjour {first},
[agent_signoff]
Bien cordialement,\n{agent}\nService client {shop}
[where_is_order]
Où en est ma commande {order} ? Je l'ai passée il y a {days} jours et le suivi ne bouge pas.
Avez-vous des nouvelles de la commande {order} ? Elle aurait déjà dû arriver.
Salam, la commande {order} arrive quand svp ? J'attends toujours.
[not_received]
D'après le suivi la commande {order} est livrée, mais je n'ai rien reçu. Rien chez les voisins non plus.
Le colis {order} est indiqué livré mais je ne l'ai PAS reçu. Renvoyez-le ou remboursez-moi.
Ma commande {order} n'est toujours pas arrivée alors qu'elle devrait être là.
[return]
Je voudrais retourner {item} de la commande {order}, la taille ne va pas. Comment faire ?
Pouvez-vous m'envoyer une étiquette de retour pour {order} ? {item} ne correspond pas à ce que j'attendais.
Je renvoie une partie de la commande {order}. Sous combien de temps suis-je remboursée ?
[cancel]
Merci d'annuler ma commande {order}, je me suis trompé.
Est-ce possible d'annuler {order} ? Je n'en ai plus besoin. Si c'est déjà parti, je fais comment ?
[change_address]
J'ai mis la mauvaise adresse sur la commande {order} ! On peut encore la modifier ?
J'ai déménagé, pouvez-vous changer l'adresse de livraison de {order} ?
[wrong_item]
J'ai reçu le mauvais article dans la commande {order}. J'avais commandé {item} et j'ai reçu autre chose.
Mauvaise taille envoyée pour la commande {order}.
[damaged]
{item} de la commande {order} est arrivé abîmé, il y a un accroc. Photos jointes.
Le colis {order} est arrivé écrasé et {item} est cassé. Que pouvez-vous faire ?
[discount_request]
Vous avez un code promo ? Je prendrais trois articles avec 20 % de remise.
Vous pouvez me faire un meilleur prix si j'en prends deux ? Ou au moins la livraison offerte ?
[subscription]
Pourquoi ai-je encore été prélevé ? Je voulais une seule boîte de chaussettes, pas un abonnement.
Je ne savais pas que le club chaussettes se renouvelait chaque mois. Merci de l'arrêter et de rembourser le dernier prélèvement.
[general]
Est-ce que {item} taille petit ? Je fais du {size} d'habitude.
Vous livrez en point relais ? Combien de temps pour la livraison ?
[resend]
Toujours pas de commande {order}. Envoyez-m'en une nouvelle.
Merci de renvoyer {order}, j'en ai besoin cette semaine.
[unrealistic]
La commande {order} a mis {days} jours. C'est inadmissible, chez Amazon c'est livré le lendemain.
La couleur de {item} est un peu différente de la photo. Je veux un remboursement complet et garder l'article.
Pourquoi payer la livraison ? Je veux être remboursé des frais de port de {order}.
[followup]
Du nouveau ?
Allô ? J'attends toujours une réponse.
[threat_review]
Si ce n'est pas réglé aujourd'hui je mets une étoile partout et je préviens tout mon entourage.
Réglez ça ou je poste sur votre boutique sur Instagram et Avis Vérifiés.
[threat_legal]
Je vais voir un avocat et saisir la DGCCRF.
Dernière chance avant que j'engage une procédure.
[threat_chargeback]
Si je ne suis pas remboursée vendredi, je fais opposition auprès de ma banque.
Je lance un litige sur ma carte si vous continuez à m'ignorer.
[abusive]
Vous êtes vraiment des incapables.
Quelle boutique minable, il y a quelqu'un de compétent chez vous ?
Répondez enfin, bande d'abrutis !
[subject_where_is_order]
Où est ma commande {order} ?
Suivi commande {order}
[subject_not_received]
Commande {order} non reçue
[subject_return]
Retour commande {order}
[subject_cancel]
Annulation commande {order}
[subject_change_address]
Erreur d'adresse {order}
[subject_wrong_item]
Mauvais article reçu
[subject_damaged]
Article abîmé
[subject_discount_request]
Code promo ?
[subject_subscription]
Prélèvement abonnement
[subject_general]
Question
[subject_resend]
Renvoi de la commande {order}
[subject_unrealistic]
Réclamation commande {order}
[agent_where_is_order]
Votre commande {order} est en route avec {carrier}. Vous pouvez la suivre ici : {url}
[agent_not_received]
Nous sommes désolés. {carrier} indique le colis {order} comme livré, nous avons donc ouvert une enquête. En attendant, pourriez-vous vérifier auprès de vos voisins et dans votre boîte aux lettres ?
[agent_return]
Bien sûr. Voici votre étiquette de retour gratuite ; dès réception du colis, nous vous remboursons {amount} sous 5 jours.
[agent_cancel]
La commande {order} est annulée. Si elle est déjà partie, refusez simplement le colis ou renvoyez-le avec l'étiquette.
[agent_change_address]
Nous avons demandé à {carrier} de réacheminer le colis. Si ce n'est pas possible, il nous reviendra et nous le renverrons.
[agent_wrong_item]
Toutes nos excuses pour l'erreur ! Nous envoyons le bon article aujourd'hui avec une étiquette de retour gratuite, et un code de 15 % pour vous remercier.
[agent_damaged]
Merci pour les photos, nous sommes désolés. Vous pouvez garder l'article et nous remboursons {amount}, ou nous envoyons un remplacement, comme vous préférez.
[agent_discount_request]
Nous ne négocions pas les prix, mais la livraison est offerte au-delà du seuil indiqué sur le site.
[agent_subscription]
J'ai résilié l'abonnement au club chaussettes, il n'y aura plus de prélèvement. Les conditions figuraient dans la confirmation, mais nous remboursons la dernière boîte cette fois-ci.
[agent_general]
Merci pour votre message ! Le guide des tailles est sur chaque fiche produit et la livraison prend en général 2 à 4 jours ouvrés.
[agent_resend]
Un litige de paiement est ouvert auprès de votre banque pour la commande {order}. Tant qu'il est en cours, nous ne pouvons pas envoyer de remplacement.
[agent_unrealistic]
Je comprends votre agacement. La commande {order} est arrivée dans le délai annoncé ; le retour est gratuit pendant 30 jours.
[agent_threat]
Nous voulons régler cela correctement et nous appliquerons ce que nous faisons pour tout client dans la même situation. Merci de poursuivre nos échanges dans ce fil.
[agent_abusive]
Nous sommes là pour vous aider, mais nous n'acceptons pas d'insultes envers notre équipe. Ceci est un avertissement : si les messages injurieux continuent, nous mettrons fin à l'échange.
[reason_size]
trop petit
Trop large aux épaules
[reason_changed_mind]
J'ai changé d'avis
plus besoin
[reason_not_as_described]
Différent de la photo
Le tissu fait bon marché
[reason_damaged]
Couture déchirée
[reason_wrong_item]
Reçu une autre couleur
[reason_late]
Arrivé trop tard
[survey_positive]
Livraison rapide et super qualité, merci !
Très contente, je recommanderai.
[survey_neutral]
Correct, mais la livraison pourrait être plus rapide.
Les tailles sont un peu petites.
[survey_negative]
Service déplorable, plus jamais.
Une éternité et personne ne m'a répondu.
"""
