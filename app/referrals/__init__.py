"""Referrals: who may receive what (recipients.toml), her consent or a supervisor-approved legal
exception, the referral packet in Japanese, her own copy, and the record of each provision."""
