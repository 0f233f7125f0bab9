new_password="$(openssl rand -hex 24)" &&
echo "ALTER ROLE CURRENT_USER PASSWORD :'new_password';" | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v new_password="$new_password" &&
(umask 077 && sed "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$new_password/" .env > .env.new) &&
mv .env.new .env
