// A new password, set on the primary (the replica replays it), then written over the old one in
// .env: a copy made with umask 077, moved into place, so the file is never half written.
const setPassword = "ALTER ROLE CURRENT_USER PASSWORD :'new_password';";
await $`new_password="$(openssl rand -hex 24)" &&
echo ${setPassword} | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v new_password="$new_password" &&
(umask 077 && sed "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$new_password/" .env > .env.new) &&
mv .env.new .env`;
