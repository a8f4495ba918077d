"""English: customers in the US, the UK, India, the Emirates and expats elsewhere."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Hi,
Hello,
Hi there,
[signoff]
Thanks,\n{first}
Regards,\n{first}
Thank you\n{first}
[agent_greeting]
Hi {first},
[agent_signoff]
Best regards,\n{agent}\n{shop} customer care
[where_is_order]
Where is my order {order}? I ordered it {days} days ago and the tracking hasn't moved.
Any update on order {order}? It was supposed to be here by now.
Hey, just checking on my order {order}. Still waiting for it, when will it arrive?
[not_received]
My order {order} says delivered but I never got it. Nothing at the door, nothing with the neighbours.
Tracking shows {order} was delivered but I have NOT received anything. Please send it again or refund me.
Sir, parcel for order {order} not received till now. Kindly check and do the needful.
[return]
I'd like to return the {item} from order {order}, it doesn't fit. How do I send it back?
Hi, can I get a return label for order {order}? The {item} isn't what I expected.
I want to return some items from {order}. Please tell me how the refund works.
[cancel]
Please cancel my order {order}, I ordered by mistake.
Can you cancel {order}? I don't need it anymore. If it already shipped, how do I return it?
[change_address]
I entered the wrong address for order {order}! Can you change it before it's delivered?
Please update the delivery address on {order}, I moved last month and forgot to change it.
[wrong_item]
I received the wrong item in order {order}. I ordered the {item} and got something else.
Wrong size sent for {order}: the label says something different from what I ordered.
[damaged]
The {item} from order {order} arrived damaged, there's a tear in it. Photos attached.
My parcel {order} came crushed and the {item} is broken. What can you do?
[discount_request]
Hi, do you have any discount code? I'd order three items if you give me 20% off.
Can you do a better price if I buy two? Or at least free shipping?
[subscription]
Why was I charged again? I only wanted one box of socks, not a subscription.
I didn't know the sock club renews every month. Please stop it and refund the last charge.
[general]
Hi, does the {item} run small? I'm usually a {size}.
Do you ship to my country, and how long does delivery take?
[resend]
I still don't have order {order}. Send me a new one please.
Please resend {order} to me, I need it this week.
[unrealistic]
Order {order} took {days} days to arrive. Totally unacceptable, Amazon delivers the next day.
The colour of the {item} is slightly different from the photo on the website. I expect a full refund AND to keep it.
Why is there a shipping fee? Other shops send for free. I want the shipping refunded on {order}.
[followup]
Any news on this?
Hello?? Still waiting for an answer.
[threat_review]
If this isn't sorted today I'll leave a 1-star review everywhere and tell all my friends.
Fix this or I'm posting about your shop on Trustpilot and Instagram.
[threat_legal]
I'm talking to my lawyer and will report you to consumer protection.
This is your last chance before I take legal action.
[threat_chargeback]
If I don't get my money back by Friday I'm disputing the charge with my bank.
I'll just do a chargeback on my card if you keep ignoring me.
[abusive]
You are useless idiots.
What a pathetic joke of a shop, are you all brain dead?
Answer me you morons!!
[subject_where_is_order]
Where is my order {order}?
Order {order} status
[subject_not_received]
Order {order} not received
[subject_return]
Return for order {order}
[subject_cancel]
Cancel order {order}
[subject_change_address]
Wrong address on {order}
[subject_wrong_item]
Wrong item received
[subject_damaged]
Damaged item in order {order}
[subject_discount_request]
Discount?
[subject_subscription]
Subscription charge
[subject_general]
Question
[subject_resend]
Resend order {order}
[subject_unrealistic]
Complaint about order {order}
[agent_where_is_order]
Your order {order} is on its way with {carrier}. You can follow it here: {url}
[agent_not_received]
I'm sorry to hear that. The carrier shows {order} as delivered, so we've opened an investigation with {carrier}. Could you please check with your neighbours and your mailbox in the meantime?
[agent_return]
Of course. Here is your prepaid return label; once the parcel reaches us we refund {amount} within 5 days.
[agent_cancel]
Done: order {order} is cancelled. If it has already left, simply refuse it or send it back with our return label.
[agent_change_address]
We have asked {carrier} to redirect the parcel. If they cannot, it will come back to us and we will resend it.
[agent_wrong_item]
We're so sorry about the mix-up! A free return label is on its way, and we're sending the right item today with a 15% discount code as a thank-you.
[agent_damaged]
Thank you for the photos. We're sorry it arrived like this: you can keep it, and we'll refund {amount} or send a replacement, whichever you prefer.
[agent_discount_request]
We don't haggle on prices, but orders over our free-shipping limit ship for free, and there's a small surprise in every parcel.
[agent_subscription]
I've cancelled the sock club subscription, so there will be no further charges. The monthly terms were in the order confirmation, but I've refunded the last box this time.
[agent_general]
Thanks for your message! Our size guide is on every product page, and delivery usually takes 2-5 working days.
[agent_resend]
We can see a payment dispute open for order {order}. While the bank handles it we cannot send a replacement; the bank will let you know the outcome.
[agent_unrealistic]
I understand your frustration. Order {order} arrived within our published delivery time; if you'd like to return it, the return is free within 30 days.
[agent_threat]
We want to solve this properly, and we will do what our policy gives every customer in this situation. Please keep all further communication to this thread.
[agent_abusive]
We are happy to help, but we do not accept insults towards our team. This is a warning: further abusive messages will end this conversation.
[reason_size]
too small
Too big in the shoulders
[reason_changed_mind]
Changed my mind
don't need it anymore
[reason_not_as_described]
Looks different than in the photos
Material feels cheap
[reason_damaged]
Seam is torn
[reason_wrong_item]
Got a different colour
[reason_late]
Arrived after the event
[survey_positive]
Fast delivery and great quality, thank you!
Love it, will order again.
[survey_neutral]
OK, but delivery could be faster.
Fine. The sizes run a bit small.
[survey_negative]
Terrible service, never again.
Took forever and nobody answered me.
"""
