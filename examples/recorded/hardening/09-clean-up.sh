docker compose down --volumes
if grep -qsxF '# Written by the hardening guide (docs/hardening.mdx); its clean-up step removes this file.' .env; then rm .env; fi
