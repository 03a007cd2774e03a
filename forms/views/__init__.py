"""Admin views of the staff inbox: the listing, one submission, bulk actions, the service desk and exports."""
