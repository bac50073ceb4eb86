"""The referral screens: consent, exceptions, packets and her copy (issue 5)."""
